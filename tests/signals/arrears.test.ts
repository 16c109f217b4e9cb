import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_arrears.sql: a key person or mid/high-end member suspended for arrears.
describe("arrears", () => {
  const fx = new Fixture("2026-W44", 2);
  const key = fx.member("G1", { role: "dept_head" });
  const vip = fx.member("G1", { vip: "silver" });
  const bigPlan = fx.member("G1", { planFee: 128 });
  const ordinary = fx.member("G1");
  const activeKey = fx.member("G1", { role: "influencer" });
  for (const m of [key, vip, bigPlan, ordinary]) fx.status(m, "2026-W45", "suspended");
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("grades a suspended key person 3 and mid/high-end members 2, with since when", () => {
    expect(r.member("2026-W45", key, "arrears")).toMatchObject({ severity: 3, metric_now: 4 });
    expect(r.member("2026-W45", key, "arrears")!.detail).toMatchObject({ suspended_since: "2026-11-04", days_suspended: 4 });
    expect(r.member("2026-W45", vip, "arrears")?.severity).toBe(2);
    expect(r.member("2026-W45", bigPlan, "arrears")?.severity).toBe(2);
  });

  it("leaves ordinary members' suspensions and active key persons alone", () => {
    expect(r.memberSignals.filter((s) => [ordinary, activeKey].includes(s.msisdn))).toEqual([]);
    expect(r.group("2026-W45", "G1", "arrears")).toMatchObject({ severity: 3, members_affected: 3, key_persons_affected: 1 });
  });
});
