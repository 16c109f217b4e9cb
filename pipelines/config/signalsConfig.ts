import { z } from "zod";

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
const positiveCount = z.number().int().positive();

/**
 * Drop shares (1 − adjusted now/baseline) at which a fall is severity 1, 2 and 3. Each level must
 * be at least the one below, or a bigger fall would read as a milder warning.
 */
function severityShares(defaults: [number, number, number]) {
  return z
    .object({ severity1: share.default(defaults[0]), severity2: share.default(defaults[1]), severity3: share.default(defaults[2]) })
    .strict()
    .prefault({})
    .refine((s) => s.severity1 <= s.severity2 && s.severity2 <= s.severity3, "severity1 <= severity2 <= severity3");
}

/**
 * The warnings of domain.md: what counts as an anomaly. Every number a signal compares against is
 * here; README "Signals" says why each default is what it is.
 */
export const signalsConfig = z
  .object({
    /** Mid/high-end (中高端) members: VIP, or a monthly plan fee of at least this (CNY). */
    midHighPlanFeeCny: z.number().min(0).default(128),

    /**
     * How many standard deviations a change in call counts must reach to count (Poisson:
     * (expected − seen) / √expected). Minutes are heavy-tailed and shares of few calls jump by
     * chance; a usage fall or a new off-net habit must also be clear on counts.
     */
    significanceZ: z.number().positive().default(3.5),

    /** The member's own reference ("baseline") taken from prior weeks. */
    baseline: z
      .object({
        /** Prior weeks the baseline takes its median over. */
        weeks: positiveCount.default(4),
        /** Fewer valid prior weeks than this: the member is not judged on usage ("lacks history"). */
        minWeeks: positiveCount.default(2),
        /**
         * How far back (weeks) the baseline may reach past flagged weeks, so a lasting anomaly keeps
         * its pre-anomaly reference; beyond this a long anomaly has become the member's new normal.
         */
        lookbackWeeks: positiveCount.default(12),
        /** Fewer stable members than this: no population trend (ratio 1), the week is judged raw. */
        populationMinMembers: positiveCount.default(20),
      })
      .strict()
      .prefault({})
      .refine((b) => b.minWeeks <= b.weeks && b.weeks <= b.lookbackWeeks, "minWeeks <= weeks <= lookbackWeeks"),

    zeroOutgoing: z
      .object({
        /**
         * Outgoing calls the member would make this week (baseline × population trend) for zero to be
         * anomalous: by chance alone zero happens with probability e^(−expected), 0.03 % at 8.
         */
        minExpectedCalls: z.number().positive().default(8),
      })
      .strict()
      .prefault({}),

    batchForwarding: z
      .object({
        /** Forwarded calls (to numbers outside the group) in the week that make a member "forwarding". */
        minCalls: positiveCount.default(3),
        /** ... on at least this many days. */
        minDays: positiveCount.default(2),
        /** Baseline median of such forwarded calls at most this: forwarding is a new habit. */
        maxBaselineCalls: z.number().min(0).default(0),
        /** Members of one group newly forwarding that make a batch. */
        minMembers: positiveCount.default(2),
        /** Share of a member's forwarded calls to CU/CT numbers for the member to count as forwarding to a competitor. */
        competitorShare: share.default(0.5),
        /** Members forwarding to competitors for severity 3 (a clear batch). Severity 2: minMembers of them. */
        severity3Members: positiveCount.default(4),
      })
      .strict()
      .prefault({}),

    mouDrop: z
      .object({
        /** Baseline minutes per week below which a member's fall is not judged (and zero never is). */
        minBaselineMinutes: z.number().positive().default(30),
        /** A member's minutes fall, against baseline and beyond the population's trend. */
        memberDropShare: severityShares([0.5, 0.65, 0.8]),
        /** The group's total minutes (its judged members) fall. */
        groupDropShare: severityShares([0.3, 0.45, 0.6]),
        /** Judged members a group needs for its total to be judged. */
        groupMinMembers: positiveCount.default(3),
      })
      .strict()
      .prefault({}),

    arpuDrop: z
      .object({
        /** Prior bill months the member's baseline takes its median over. */
        baselineMonths: positiveCount.default(3),
        /** Fewer prior months than this: not judged. */
        minMonths: positiveCount.default(2),
        /** Baseline monthly bill below which a fall is not judged (CNY). */
        minBaselineFeeCny: z.number().positive().default(20),
        dropShare: severityShares([0.3, 0.5, 0.7]),
      })
      .strict()
      .prefault({})
      .refine((a) => a.minMonths <= a.baselineMonths, "minMonths <= baselineMonths"),

    revenueDrop: z
      .object({
        /** The group's billed revenue (its members' latest bills), against its own prior weeks. */
        groupDropShare: severityShares([0.2, 0.35, 0.5]),
        /** Group revenue baseline below which it is not judged (CNY per month). */
        minBaselineRevenueCny: z.number().positive().default(200),
        /** Share of the group's billed members whose bill fell by arpuDrop.dropShare.severity1. */
        memberShare: severityShares([0.3, 0.5, 0.7]),
        /** ... and at least this many of them. */
        minMembers: positiveCount.default(3),
      })
      .strict()
      .prefault({}),

    retentionDrop: z
      .object({
        /** Weeks over which departures (closed, ported out, left the group) are counted. */
        windowWeeks: positiveCount.default(4),
        /** Share of the group's members lost in the window, by severity (any port-out fires severity 1 at least). */
        lostShare: severityShares([0.05, 0.1, 0.2]),
        /** Members ported out in the window for severity 2 ("members porting out": a call this week) ... */
        severity2Ported: positiveCount.default(2),
        /** ... and for severity 3. */
        severity3Ported: positiveCount.default(3),
      })
      .strict()
      .prefault({})
      .refine((r) => r.severity2Ported <= r.severity3Ported, "severity2Ported <= severity3Ported"),

    dualPhone: z
      .object({
        /** Model 1, abnormal forwarding: calls forwarded to CU/CT numbers this week ... */
        forwardingMinCalls: positiveCount.default(3),
        /** ... on at least this many days. */
        forwardingMinDays: positiveCount.default(2),
        /** Model 2, dual-mode handset: how recent (weeks) the handset must be. */
        handsetLookbackWeeks: positiveCount.default(8),
        /** ... and how far the member's minutes fell after it appeared (beyond the population's trend; calls must fall significantly too). */
        handsetUsageDropShare: share.default(0.3),
        /**
         * ... with the fall in calls at least this many standard deviations (as significanceZ). Lower
         * than significanceZ: only the few members whose dual-mode handset just replaced another are
         * judged, and their minutes must fall too. At 2 a typical member (35 calls a week) whose
         * usage halves is caught (z ≈ 2.4); at 3.5 it would have to fall to a third.
         */
        handsetSignificanceZ: z.number().positive().default(2),
        /** Model 3, off-net affinity: calls (out+in) this week to judge a member's contacts at all. */
        affinityMinCalls: positiveCount.default(10),
        /** ... one CU/CT number taking this share of the calls, significantly more than in the baseline ... */
        affinityDominanceShare: share.default(0.3),
        /** ... or the CU/CT share of the member's calls rising by this much (absolute), significantly. */
        affinityShareJump: share.default(0.25),
        /** Model 4, communication circle: the member's top contacts over the baseline ... */
        circleTopContacts: positiveCount.default(5),
        /** ... counting a contact only with this many calls in the baseline ... */
        circleMinContactCalls: positiveCount.default(3),
        /** ... fires when this many of them moved to a competitor (ported out, left, now CU/CT) ... */
        circleMinMoved: positiveCount.default(2),
        /** ... and they are this share of the top contacts. */
        circleMinMovedShare: share.default(0.4),
      })
      .strict()
      .prefault({}),

    contractExpiry: z
      .object({
        /** Days before the agreement's end at which the warning starts (severity 1). */
        noticeDays: positiveCount.default(90),
        /** Days left for severity 2. */
        severity2Days: positiveCount.default(60),
        /** Days left for severity 3 (the domain's "ending within a month"). */
        severity3Days: positiveCount.default(30),
        /** Days after the end an unrenewed agreement is still warned of (severity 3). */
        expiredGraceDays: count.default(30),
      })
      .strict()
      .prefault({})
      .refine((c) => c.severity3Days <= c.severity2Days && c.severity2Days <= c.noticeDays, "severity3Days <= severity2Days <= noticeDays"),

    handsetChange: z
      .object({
        /** Weeks the old handset must have been the member's main one ("a month or more"). */
        oldMinWeeks: positiveCount.default(4),
        /** Days the new handset must have been used. */
        newMinDays: positiveCount.default(3),
        /** Weeks, from the first week of the new handset, the warning stays on. */
        flagWeeks: positiveCount.default(2),
      })
      .strict()
      .prefault({}),

    keyPersonChange: z
      .object({
        /**
         * A decision maker on record counts as the group's contact too: in a small group the boss
         * is the one the manager calls, and most groups record no separate contact. False: only
         * the role `contact` does (for a CRM that always records an appointed contact).
         */
        decisionMakerIsContact: z.boolean().default(true),
        /** Key persons gone or changed role in one week that make severity 3 (a decision maker alone does). */
        severity3KeyPersons: positiveCount.default(2),
      })
      .strict()
      .prefault({}),

    /** Contacts per member and week kept in member_contact_week (forwarding targets are always kept). */
    contactsKeptPerMember: positiveCount.default(10),
  })
  .strict()
  .prefault({})
  .refine((s) => s.dualPhone.circleTopContacts <= s.contactsKeptPerMember, "dualPhone.circleTopContacts <= contactsKeptPerMember");

export type SignalsConfig = z.infer<typeof signalsConfig>;
