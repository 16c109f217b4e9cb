import type { ScenarioKind } from "./ScenarioKind.ts";

/**
 * Decoys: situations that look like an anomaly and are not, each with the codes that must stay
 * quiet. The holiday decoy has no group; generate() records it from the calendar.
 */
export const decoyKinds: readonly ScenarioKind[] = [
  {
    kind: "decoy:onnet_forwarding", signal: "dual_phone", model: "forwarding", mayFire: ["mou_drop"], quiet: ["batch_forwarding", "dual_phone"],
    plant(p) {
      const start = p.start();
      const [member, colleague] = p.pick(2);
      if (start === null || !colleague) return null;
      p.forward(member, p.day(start), colleague.msisdn, "CMCC");
      return {
        members: [member], alsoReserved: [colleague], start, firesFrom: null,
        notes: `the member forwards calls to a colleague's CMCC number in the same group every day from ${p.week(start)} on: on-net, no competitor`,
      };
    },
  },
  {
    kind: "decoy:dual_sim_stable", signal: "dual_phone", model: "handset", mayFire: ["handset_change"], quiet: ["dual_phone", "mou_drop", "zero_outgoing"],
    plant(p) {
      const start = p.start({ min: p.ctx.params.scenarios.handsetOldWeeks }) ?? p.start();
      const [member] = p.pick(1);
      if (start === null || !member) return null;
      const day = p.day(start, p.rng.int(0, 2));
      const model = p.newHandset(member, day, p.dualMode("CT"));
      return {
        members: [member], start, firesFrom: null,
        notes: `a new dual-SIM CDMA2000 handset (${model.brand} ${model.model}) from ${p.ctx.calendar.dateOf(day)}, usage unchanged: handset_change may fire, dual_phone must not`,
      };
    },
  },
  {
    kind: "decoy:partial_week", signal: "mou_drop", model: null, mayFire: [], quiet: ["mou_drop", "zero_outgoing"],
    plant(p) {
      const s = p.ctx.params.scenarios;
      const start = p.start({ min: Math.min(s.minStartWeek, p.weekCount - 1) });
      if (start === null) return null;
      const member = p.join(p.group, p.day(start, p.rng.int(...s.partialWeekJoinDays)));
      // A regular caller once settled in, so the low first week is the only oddity.
      member.activity = Math.max(member.activity, s.minActivity);
      return {
        members: [member], start, firesFrom: null,
        notes: `joins on ${p.ctx.calendar.dateOf(member.joinDay)}, mid-week: a low first week (and no history) must not read as a fall`,
      };
    },
  },
];
