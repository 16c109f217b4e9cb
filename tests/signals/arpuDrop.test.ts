import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_arpu_drop.sql: a member's bill for the latest closed month against the months before.
// Weeks W40..W45 know bills up to 2026-08 (W40), 2026-09 (W41..W44) and 2026-10 (W45).
describe("arpu_drop", () => {
  const fx = new Fixture("2026-W40", 6);
  const [dropper, early, , , suspended] = fx.crowd("G1", 6, { planFee: 100 });
  const tiny = fx.member("G1", { planFee: 10 });
  const newcomer = fx.member("G1", { planFee: 100, joinWeek: "2026-W44" });
  fx.bill(dropper, "2026-10", 20);
  fx.bill(early, "2026-09", 40).bill(early, "2026-10", 40);
  fx.bill(tiny, "2026-10", 0);
  fx.bill(newcomer, "2026-10", 10);
  fx.status(suspended, "2026-W45", "suspended").bill(suspended, "2026-10", 10);
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a bill that fell to a fifth of the member's usual month, severity 3", () => {
    const row = r.member("2026-W45", dropper, "arpu_drop");
    expect(row).toMatchObject({ severity: 3, metric_baseline: 100, metric_now: 20, metric_change: -0.8 });
    expect(row!.detail).toMatchObject({ bill_month: "2026-10", baseline_months: 3, baseline_from: "2026-07", baseline_to: "2026-09" });
    expect(r.member("2026-W44", dropper, "arpu_drop")).toBeUndefined();
  });

  it("keeps a lasting fall flagged into the next month, against the months before it began", () => {
    expect(r.member("2026-W41", early, "arpu_drop")).toMatchObject({ severity: 2, since_week: "2026-W41" });
    const w45 = r.member("2026-W45", early, "arpu_drop");
    expect(w45).toMatchObject({ severity: 2, metric_baseline: 100, since_week: "2026-W41" });
    expect(w45!.detail).toMatchObject({ baseline_from: "2026-06", baseline_to: "2026-08" });
  });

  it("never judges a tiny bill, a member without prior months, or a suspended member", () => {
    for (const m of [tiny, newcomer, suspended]) expect(r.memberSignals.filter((s) => s.msisdn === m)).toEqual([]);
    expect(r.reports.find((x) => x.week === "2026-W45")!.notes).toContain("arpu_drop: 1 members lack 2 months of bills before 2026-10");
  });
});
