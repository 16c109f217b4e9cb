import { contactCircle } from "./contactCircle.ts";
import type { Planter } from "./Planter.ts";
import type { Member } from "./populationModel.ts";
import type { Planted, ScenarioKind } from "./ScenarioKind.ts";

const pct = (share: number) => `${Math.round(share * 100)}%`;
const NO_MOC = [0, 1, 1, 1] as const;
const uniform = (f: number) => [f, f, f, f] as const;

/** A start week and one member (who must pass `require`), or null when either is missing. */
function startAndMember(p: Planter, options: { min?: number; require?: (m: Member) => boolean } = {}) {
  const start = p.start({ min: options.min });
  const [member] = p.pick(1, { prefer: options.require });
  return start === null || !member || (options.require && !options.require(member)) ? null : { start, member };
}

/** A start week and `count` members (at least `least`), or null. */
function startAndMembers(p: Planter, count: number, least: number) {
  const start = p.start();
  const members = p.pick(count);
  return start === null || members.length < least ? null : { start, members };
}

/** One member forwarding to a competitor number (their second line). */
function plantForwarding(p: Planter, member: Member, day: number): string {
  const network = p.competitor();
  p.forward(member, day, p.competitorNumber(network), network);
  return network;
}

/** Bill scenarios: `members` downgrade from a week whose bill month the run delivers, if any. */
function plantDowngrade(p: Planter, members: Member[], factor: number, what: string): Planted | null {
  const when = p.billStart();
  if (when === null || members.length === 0) return null;
  for (const m of members) p.downgrade(m, when.start, factor);
  const months = p.billMonthsFrom(when.start);
  return {
    members, start: when.start, firesFrom: when.firesFrom,
    notes: `${what}: bills × ${factor} from bill month ${p.ctx.calendar.monthOf(p.day(when.start))} on, plan fee lowered from ${p.week(when.start)}`
      + (when.firesFrom === null ? "; that month closes after the run, so no bill in this run shows it" : ""),
    extra: { bill_months: months },
  };
}

/**
 * The planted scenarios, one kind per planted group, cycled in this order. When there are fewer
 * planted groups than kinds the list wraps around, so the kinds placed last share a group with
 * the first: those are member-level kinds that fit beside a group-level one.
 */
export const scenarioKinds: readonly ScenarioKind[] = [
  {
    kind: "batch_forwarding", signal: "batch_forwarding", model: null, mayFire: ["batch_forwarding", "dual_phone", "mou_drop"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const picked = startAndMembers(p, p.rng.int(...s.batchForwardingMembers), s.batchForwardingMembers[0]);
      if (!picked) return null;
      const network = p.competitor();
      const targets = Array.from({ length: p.rng.int(...s.batchForwardingTargets) }, () => p.competitorNumber(network));
      picked.members.forEach((m, i) => p.forward(m, p.day(picked.start), targets[i % targets.length], network));
      return {
        ...picked, firesFrom: picked.start,
        notes: `${picked.members.length} members forward ${pct(s.forwardShare)} of incoming calls (at least ${s.forwardMinPerDay} a day) to ${targets.length} ${network} number(s), every day from ${p.week(picked.start)} on`,
      };
    },
  },
  {
    kind: "mou_drop", signal: "mou_drop", model: null, mayFire: ["mou_drop", "zero_outgoing"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const picked = startAndMembers(p, Math.max(s.mouDropMinMembers, Math.ceil(s.mouDropMemberShare * p.activeCount())), s.mouDropMinMembers);
      if (!picked) return null;
      for (const m of picked.members) p.scale(m, p.day(picked.start), [s.mouDropFactor, s.mouDropFactor, 1, 1]);
      return { ...picked, firesFrom: picked.start, notes: `${picked.members.length} members' calls fall to ${pct(s.mouDropFactor)} from ${p.week(picked.start)} on (group total falls too)` };
    },
  },
  {
    kind: "arpu_drop", signal: "arpu_drop", model: null, mayFire: ["arpu_drop", "revenue_drop"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const members = p.pick(p.rng.int(...s.arpuDropMembers));
      return members.length < s.arpuDropMembers[0] ? null : plantDowngrade(p, members, s.arpuDropFactor, `${members.length} members downgrade`);
    },
  },
  {
    kind: "revenue_drop", signal: "revenue_drop", model: null, mayFire: ["revenue_drop", "arpu_drop"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      return plantDowngrade(p, p.pick(Infinity), s.revenueDropFactor, "the whole group downgrades");
    },
  },
  {
    kind: "retention_drop", signal: "retention_drop", model: null, mayFire: ["retention_drop", "revenue_drop", "mou_drop", "dual_phone"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const active = p.activeCount();
      const picked = startAndMembers(p, Math.max(s.retentionMinMembers, Math.ceil(s.retentionShare * active)), s.retentionMinMembers);
      if (!picked) return null;
      const statuses = ["ported_out", "closed", "left_group"] as const;
      const network = p.competitor();
      picked.members.forEach((m, i) => {
        // The first one always ports out: the departure that weighs most.
        const status = i === 0 ? "ported_out" : statuses[p.rng.weighted(s.retentionMix)];
        p.depart(m, p.day(picked.start, p.rng.int(0, 6)), status, network);
      });
      return { ...picked, firesFrom: picked.start, notes: `${picked.members.length} of ${active} active members port out (to ${network}), close or leave during ${p.week(picked.start)}` };
    },
  },
  {
    kind: "contract_expiry", signal: "contract_expiry", model: null, mayFire: ["contract_expiry"],
    plant(p) {
      const start = p.start();
      if (start === null) return null;
      const [from, to] = p.ctx.params.scenarios.contractExpiryWeeks;
      const endDay = p.day(start, 6) + p.rng.int(from * 7, to * 7);
      p.group.contractEnd = p.ctx.calendar.dateOf(endDay);
      return {
        members: [], start, firesFrom: p.expiryNoticeWeek(endDay),
        notes: `the group's agreement ends on ${p.group.contractEnd}, ${from}–${to} weeks after ${p.week(start)}; fires_from is the first week inside the default notice window`,
        extra: { contract_end: p.group.contractEnd },
      };
    },
  },
  {
    kind: "defection", signal: "batch_forwarding", model: null,
    mayFire: ["batch_forwarding", "dual_phone", "zero_outgoing", "mou_drop", "retention_drop", "handset_change", "revenue_drop", "arpu_drop"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const start = p.start({ after: 2 });
      const keys = p.keyPersons();
      const forwarders = p.pick(Math.max(s.defectionMinMembers, Math.ceil(s.defectionShare * p.activeCount())), { exclude: keys });
      if (start === null || keys.length === 0 || forwarders.length < s.defectionMinMembers) return null;
      const network = p.competitor();
      for (const m of forwarders) {
        plantForwarding(p, m, p.day(start));
        p.newHandset(m, p.day(start, p.rng.int(0, 1)), p.dualMode(network));
      }
      const phases = [{ week: p.week(start), signals: ["batch_forwarding", "dual_phone"], members: forwarders.map((m) => m.msisdn) }];
      if (start + 1 < p.weekCount) {
        for (const m of forwarders) p.scale(m, p.day(start + 1), uniform(s.defectionUsageFactor));
        for (const m of keys) p.scale(m, p.day(start + 1), NO_MOC);
        phases.push({ week: p.week(start + 1), signals: ["zero_outgoing", "mou_drop"], members: [...keys, ...forwarders].map((m) => m.msisdn) });
      }
      if (start + 2 < p.weekCount) {
        for (const m of forwarders) p.depart(m, p.day(start + 2, p.rng.int(0, 4)), "ported_out", network);
        phases.push({ week: p.week(start + 2), signals: ["retention_drop"], members: forwarders.map((m) => m.msisdn) });
      }
      return {
        members: [...forwarders, ...keys], start, firesFrom: start,
        notes: `${p.week(start)}: ${forwarders.length} members forward to their own ${network} numbers and take dual-SIM handsets; `
          + `next week the ${keys.length} key person(s) stop calling out and the forwarders' usage falls to ${pct(s.defectionUsageFactor)}; `
          + `the week after the forwarders port out to ${network}` + (phases.length < 3 ? ` (only ${phases.length} phase(s) fit in the run)` : ""),
        extra: { phases },
      };
    },
  },
  {
    kind: "zero_outgoing", signal: "zero_outgoing", model: null, mayFire: ["zero_outgoing", "mou_drop", "dual_phone"],
    plant(p) {
      const picked = startAndMember(p, { require: (m) => m.role !== "member" || m.vip !== "none" });
      if (!picked) return null;
      p.scale(picked.member, p.day(picked.start), NO_MOC);
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `a ${picked.member.role} (VIP ${picked.member.vip}) makes no outgoing call from ${p.week(picked.start)} on, still receives calls` };
    },
  },
  {
    kind: "dual_phone:forwarding", signal: "dual_phone", model: "forwarding", mayFire: ["dual_phone", "mou_drop"],
    plant(p) {
      const picked = startAndMember(p);
      if (!picked) return null;
      const network = plantForwarding(p, picked.member, p.day(picked.start));
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `one member forwards calls to one ${network} number every day from ${p.week(picked.start)} on` };
    },
  },
  {
    kind: "dual_phone:handset", signal: "dual_phone", model: "handset", mayFire: ["dual_phone", "handset_change", "mou_drop", "zero_outgoing"],
    plant(p) {
      const picked = startAndMember(p);
      if (!picked) return null;
      const factor = p.ctx.params.scenarios.dualHandsetUsageFactor;
      const model = p.newHandset(picked.member, p.day(picked.start), p.dualMode("CT"));
      p.scale(picked.member, p.day(picked.start), uniform(factor));
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `a new dual-SIM CDMA2000 handset (${model.brand} ${model.model}) from Monday of ${p.week(picked.start)}; usage falls to ${pct(factor)} from then` };
    },
  },
  {
    kind: "dual_phone:affinity", signal: "dual_phone", model: "affinity", mayFire: ["dual_phone"],
    plant(p) {
      const picked = startAndMember(p);
      if (!picked) return null;
      const s = p.ctx.params.scenarios;
      const network = p.competitor();
      p.effect(picked.member, { type: "affinity", fromDay: p.day(picked.start), number: p.competitorNumber(network), network, mocShare: s.affinityMocShare, mtcShare: s.affinityMtcShare });
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `one ${network} number takes ${pct(s.affinityMocShare)} of the member's outgoing and ${pct(s.affinityMtcShare)} of incoming calls from ${p.week(picked.start)} on` };
    },
  },
  {
    kind: "dual_phone:circle", signal: "dual_phone", model: "circle", mayFire: ["dual_phone"],
    plant(p) {
      const start = p.start();
      if (start === null) return null;
      const top = p.ctx.params.scenarios.circleTopContacts;
      // The member whose top contacts hold the most external CMCC numbers (those are the ones that
      // port), among members who call enough for their top contacts to be clear, if any qualifies.
      const candidates = p.pick(Infinity);
      const busy = candidates.filter((m) => m.activity >= p.ctx.params.scenarios.minActivity);
      let best: { member: Member; ranks: number[] } | null = null;
      for (const member of busy.length > 0 ? busy : candidates) {
        const circle = contactCircle(p.ctx, member, start);
        const order = circle.weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
        const ranks = order.slice(0, top).map(([, i]) => i).filter((i) => i < circle.externalCount && circle.baseNetwork[i] === "CMCC");
        if (!best || ranks.length > best.ranks.length) best = { member, ranks };
      }
      if (!best || best.ranks.length < 2) return null;
      const network = p.competitor();
      p.effect(best.member, { type: "moveContacts", fromDay: p.day(start), ranks: best.ranks, networks: best.ranks.map(() => network) });
      return { members: [best.member], start, firesFrom: start, notes: `${best.ranks.length} of the member's top ${top} contacts port out to ${network} at the start of ${p.week(start)}; their numbers show ${network} from then` };
    },
  },
  {
    kind: "arrears", signal: "arrears", model: null, mayFire: ["arrears", "mou_drop", "zero_outgoing", "arpu_drop", "revenue_drop", "retention_drop"],
    plant(p) {
      const picked = startAndMember(p, { require: (m) => m.role !== "member" || p.isMidHigh(m) });
      if (!picked) return null;
      p.depart(picked.member, p.day(picked.start, p.rng.int(0, 6)), "suspended");
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `a ${picked.member.role} (VIP ${picked.member.vip}, plan ${picked.member.planFee}) is suspended for arrears during ${p.week(picked.start)}; no records from that day` };
    },
  },
  {
    kind: "handset_change", signal: "handset_change", model: null, mayFire: ["handset_change"],
    plant(p) {
      const picked = startAndMember(p, { min: p.ctx.params.scenarios.handsetOldWeeks });
      if (!picked) return null;
      const day = p.day(picked.start, p.rng.int(0, 2));
      const model = p.newHandset(picked.member, day);
      return { members: [picked.member], start: picked.start, firesFrom: picked.start, notes: `a new handset (${model.brand} ${model.model}) used every day from ${p.ctx.calendar.dateOf(day)}; the old one served every week before; usage unchanged` };
    },
  },
];
