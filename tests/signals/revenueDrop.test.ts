import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_revenue_drop.sql: the group's billed revenue, or its members' bills, swing down.
describe("revenue_drop", () => {
  const fx = new Fixture("2026-W40", 6);
  for (const m of fx.crowd("G1", 5, { planFee: 100 })) fx.bill(m, "2026-10", 50);
  const g2 = fx.crowd("G2", 4, { planFee: 100 });
  fx.status(g2[0], "2026-W44", "closed").status(g2[1], "2026-W44", "ported_out");
  fx.crowd("G3", 1, { planFee: 58 });
  for (const m of fx.crowd("G4", 1, { planFee: 58 })) fx.bill(m, "2026-10", 10);
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a group whose revenue halved, on both measures, with the amounts", () => {
    expect(r.group("2026-W45", "G1", "revenue_drop")).toMatchObject({
      severity: 3, model: "group_revenue;member_bills", members_affected: 5, metric_baseline: 500, metric_now: 250,
      reason: "集团月收入由500元降至250元（-50%）",
    });
    expect(r.group("2026-W44", "G1", "revenue_drop")).toBeUndefined();
  });

  it("counts revenue lost to members who left", () => {
    expect(r.group("2026-W45", "G2", "revenue_drop")).toMatchObject({ model: "group_revenue", metric_baseline: 400, metric_now: 200 });
  });

  it("does not judge a group whose revenue is too small to read", () => {
    expect(r.groupSignals.filter((s) => ["G3", "G4"].includes(s.group_id) && s.signal === "revenue_drop")).toEqual([]);
  });
});
