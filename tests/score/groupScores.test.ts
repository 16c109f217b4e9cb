import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "../signals/fixture.ts";
import { scoreFixture, type Scored } from "../signals/scoreFixture.ts";

// group_scores.sql: one score, tier and explanation per group.
describe("group scores and tiers", () => {
  const fx = new Fixture("2026-W40", 6);
  const W = "2026-W45";
  // a quiet group with its decision maker on record (without one, key_person_change fires)
  fx.member("QUIET", { role: "decision_maker" });
  fx.crowd("QUIET", 5);
  // a key person gone silent: a call this week (medium)
  const boss = fx.member("SILENT", { role: "decision_maker" });
  fx.crowd("SILENT", 9);
  fx.usage(boss, W, { callsOut: 0 });
  // an agreement ending within a month: medium
  fx.group("EXPIRING", { contractEnd: "2026-11-20" }).member("EXPIRING", { role: "decision_maker" });
  fx.crowd("EXPIRING", 5);
  // a defection: a batch forwarding to CT, their usage falling, a dual-mode handset: high
  const defectors = fx.crowd("DEFECT", 10).slice(0, 4);
  const ct = fx.outsideNumber("CT");
  defectors.forEach((m, i) => fx.usage(m, "2026-W40", { imei: `3500000100000${i}0` })
    .usage(m, W, { callsOut: 3, callsIn: 2, imei: `8600000300000${i}0`, forwards: [{ to: ct, network: "CT", calls: 6, days: 3 }] }));
  // members porting out on top of a batch of forwarding: high
  const porting = fx.crowd("PORT", 10);
  fx.status(porting[0], W, "ported_out").status(porting[1], W, "ported_out");
  for (const m of porting.slice(2, 5)) fx.usage(m, W, { forwards: [{ to: ct, network: "CT", calls: 5, days: 3 }] });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("scores a quiet group 0, low, with no signals and no reasons", () => {
    expect(r.score(W, "QUIET")).toMatchObject({ risk_score: 0, tier: "low", signals: "", reasons: "", members_active: 6, members_flagged: 0 });
  });

  it("makes a silent key person a call this week, and says why", () => {
    expect(r.score(W, "SILENT")).toMatchObject({
      tier: "medium", signals: "zero_outgoing", members_flagged: 1, key_persons_flagged: 1,
      reasons: "10名成员中1人（含关键人1名）本周未打出电话", tier_reason: "风险分45，达到中风险线35",
    });
    expect(r.score(W, "SILENT").risk_score).toBeGreaterThanOrEqual(35);
  });

  it("makes an agreement ending within a month at least medium", () => {
    expect(r.score(W, "EXPIRING")).toMatchObject({ tier: "medium", tier_rule: "call_now", risk_score: 35, signals: "contract_expiry" });
  });

  it("makes several independent signals high, explained by the two strongest", () => {
    const s = r.score(W, "DEFECT");
    expect(s.tier).toBe("high");
    expect(s.risk_score).toBeGreaterThanOrEqual(70);
    expect(s.signals.split(";")).toEqual(expect.arrayContaining(["batch_forwarding", "dual_phone", "mou_drop"]));
    expect(s.reasons).toMatch(/^10名成员中4人本周将来电转移至电信号码，共\d+次；.+$/);
  });

  it("makes members porting out on top of other signals high", () => {
    expect(r.score(W, "PORT")).toMatchObject({ tier: "high" });
    expect(r.score(W, "PORT").signals.split(";")).toEqual(expect.arrayContaining(["batch_forwarding", "retention_drop"]));
  });

  it("scores every group of the snapshot, ordered values in range", () => {
    const week = r.groupScores.filter((s) => s.week === W);
    expect(week.map((s) => s.group_id).sort()).toEqual(["DEFECT", "EXPIRING", "PORT", "QUIET", "SILENT"]);
    for (const s of week) {
      expect(s.risk_score).toBeGreaterThanOrEqual(0);
      expect(s.risk_score).toBeLessThanOrEqual(100);
      expect(s.signals.split(";").filter(Boolean)).toEqual([...s.signals.split(";").filter(Boolean)].sort());
    }
  });
});
