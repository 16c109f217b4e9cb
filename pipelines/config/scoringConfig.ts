import { z } from "zod";

/** The signal codes of domain.md, in the order README lists them. */
export const SIGNAL_CODES = [
  "zero_outgoing", "batch_forwarding", "mou_drop", "arpu_drop", "revenue_drop",
  "retention_drop", "dual_phone", "contract_expiry", "arrears", "handset_change", "key_person_change",
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** One value per signal code, every code present (defaults filled in per code, unknown codes refused). */
function perSignal<T extends z.ZodType>(value: T, defaults: Record<SignalCode, z.output<T>>) {
  const withDefault = (code: SignalCode) => value.optional().transform((given): z.output<T> => (given === undefined ? defaults[code] : given));
  const shape = Object.fromEntries(SIGNAL_CODES.map((code) => [code, withDefault(code)]));
  return z.object(shape as Record<SignalCode, ReturnType<typeof withDefault>>).strict().prefault({});
}

const factor = z.number().min(0);

/**
 * How fired signals become a group's risk score (0–100) and tier. README "Scoring" gives the
 * formula; every weight and cut-off is here.
 */
export const scoringConfig = z
  .object({
    /** Points a signal brings at full severity, before the boosts below. */
    weights: perSignal(factor, {
      retention_drop: 30, batch_forwarding: 25, dual_phone: 20, zero_outgoing: 20, mou_drop: 15,
      revenue_drop: 15, arpu_drop: 10, contract_expiry: 15, arrears: 15, handset_change: 5, key_person_change: 20,
    }),
    /** Share of a signal's weight it brings at severity 1, 2, 3. */
    severityFactor: z
      .object({ severity1: factor.default(0.4), severity2: factor.default(0.7), severity3: factor.default(1) })
      .strict()
      .prefault({}),
    /** Extra share of a signal's points when it touches a key person. */
    keyPersonBoost: factor.default(0.5),
    /** ... when it touches a mid/high-end member. */
    midHighBoost: factor.default(0.25),
    /** Extra share when the affected members reach breadthFullShare of the group's active members (pro rata below). */
    breadthBoost: factor.default(0.5),
    breadthFullShare: z.number().positive().max(1).default(0.25),
    /** Extra share of the group's points for a large (A/B) group. */
    largeGroupBoost: factor.default(0.2),
    /** Extra share for the group's monthly billed revenue, reaching the full boost at valueFullRevenueCny. */
    valueBoost: factor.default(0.2),
    valueFullRevenueCny: z.number().positive().default(20_000),
    /** Points at which the score reaches 63 (score = 100 · (1 − e^(−points / saturationPoints))). */
    saturationPoints: z.number().positive().default(60),
    /** Score from which a group is high / medium (and the floor of a group put in that tier by a rule). */
    highMinScore: z.number().min(0).max(100).default(70),
    mediumMinScore: z.number().min(0).max(100).default(35),
    /**
     * The domain's "needs a call this week": a group signal at this severity or more makes the group
     * at least medium (null: never alone). The defaults follow the signals' severity scales: a key
     * person silent or suspended (3), agreement ending within a month (3), a batch of forwarding to
     * competitors (2), a sharp group usage or revenue fall (2), members porting out (2), a key person
     * gone or changed role, or no decision maker or contact on record (2: every key_person_change).
     */
    callNowSeverity: perSignal(z.number().int().min(1).max(3).nullable(), {
      zero_outgoing: 3, arrears: 3, contract_expiry: 3, batch_forwarding: 2, mou_drop: 2,
      revenue_drop: 2, retention_drop: 2, arpu_drop: null, dual_phone: null, handset_change: null,
      key_person_change: 2,
    }),
    /**
     * Signals that share one piece of evidence form a family: it brings the points of its strongest
     * signal only, and counts once among "independent" signals. Usage is seen by mou_drop and
     * zero_outgoing, bills by arpu_drop and revenue_drop.
     */
    families: perSignal(z.string().min(1), {
      batch_forwarding: "forwarding", dual_phone: "dual_phone", mou_drop: "usage", zero_outgoing: "usage",
      arpu_drop: "revenue", revenue_drop: "revenue", retention_drop: "retention",
      contract_expiry: "contract", arrears: "arrears", handset_change: "handset", key_person_change: "key_person",
    }),
    /**
     * The dual-phone care moment (domain.md, 关键时刻 "双机客户"): a dual_phone sign on a key person,
     * on a mid/high-end member, or on several members makes the group at least medium (tier rule
     * care_moment), so the offer comes before the second line takes over. Several: at least
     * minMembers members, or at least minShare of the group's active members when they are at
     * least minShareMembers.
     */
    dualPhoneCareMoment: z
      .object({
        minMembers: z.number().int().positive().default(3),
        minShare: z.number().positive().max(1).default(0.1),
        minShareMembers: z.number().int().positive().default(2),
      })
      .strict()
      .prefault({}),
    /** Independent families at severity ≥ highFamilySeverity that make a group high. */
    highMinFamilies: z.number().int().positive().default(3),
    highFamilySeverity: z.number().int().min(1).max(3).default(2),
    /** Members ported out (retention_drop) plus this many other families at highFamilySeverity make a group high. */
    highPortedPlusFamilies: z.number().int().positive().default(1),
    /** Reasons quoted per group (the strongest signals first). */
    reasonsShown: z.number().int().positive().default(2),
  })
  .strict()
  .prefault({})
  .refine((s) => s.mediumMinScore <= s.highMinScore, "mediumMinScore <= highMinScore");

export type ScoringConfig = z.infer<typeof scoringConfig>;
