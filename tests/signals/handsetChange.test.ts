import { describe, it, expect, beforeAll } from "vitest";
import { Fixture, HANDSETS, imeiOf } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_handset_change.sql: a new handset used for days after the old one served a month or more.
describe("handset_change", () => {
  const fx = new Fixture("2026-W40", 7); // W40..W46
  const [changer, recent, lateInWeek] = fx.crowd("G1", 3);
  fx.usage(changer, "2026-W40", { imei: imeiOf(HANDSETS.single, 1) }).usage(changer, "2026-W44", { imei: imeiOf(HANDSETS.cdma, 1) });
  fx.usage(recent, "2026-W40", { imei: imeiOf(HANDSETS.single, 2) }).usage(recent, "2026-W42", { imei: imeiOf(HANDSETS.dualSim, 2) });
  fx.usage(lateInWeek, "2026-W40", { imei: imeiOf(HANDSETS.single, 3) })
    .usage(lateInWeek, "2026-W45", { nextImei: imeiOf(HANDSETS.single, 4), switchDay: 3 }, "2026-W45")
    .usage(lateInWeek, "2026-W46", { imei: imeiOf(HANDSETS.single, 4) });
  // Runs of handsets, not handsets: the old one is the run just before the new one.
  const [backToFirst, third] = fx.crowd("G2", 2);
  fx.usage(backToFirst, "2026-W40", { imei: imeiOf(HANDSETS.single, 5) })
    .usage(backToFirst, "2026-W42", { imei: imeiOf(HANDSETS.single, 6) }, "2026-W45");
  fx.usage(third, "2026-W40", { imei: imeiOf(HANDSETS.single, 7) })
    .usage(third, "2026-W42", { imei: imeiOf(HANDSETS.single, 8) })
    .usage(third, "2026-W46", { imei: imeiOf(HANDSETS.single, 9) });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a dual-mode handset replacing a month-old one at severity 2, for two weeks", () => {
    const row = r.member("2026-W44", changer, "handset_change");
    expect(row).toMatchObject({ severity: 2, metric_baseline: 4, metric_now: 5 });
    expect(row!.detail).toMatchObject({ since_week: "2026-W44", days_used: 5, old_handset_weeks: 4, cdma2000: true, dual_sim: true });
    expect(r.member("2026-W45", changer, "handset_change")).toMatchObject({ since_week: "2026-W44" });
    expect(r.member("2026-W46", changer, "handset_change")).toBeUndefined();
  });

  it("waits until the new handset has been used for several days", () => {
    expect(r.member("2026-W45", lateInWeek, "handset_change")).toBeUndefined(); // two days so far
    expect(r.member("2026-W46", lateInWeek, "handset_change")).toMatchObject({ severity: 1 });
  });

  it("counts only the last run of the old handset, and a handset taken back as new", () => {
    // W40-41 the first handset, W42-45 a second, W46 the first again: new since W46, old for 4 weeks
    expect(r.member("2026-W46", backToFirst, "handset_change")).toMatchObject({ severity: 1 });
    expect(r.member("2026-W46", backToFirst, "handset_change")!.detail).toMatchObject({ since_week: "2026-W46", old_handset_weeks: 4 });
    // W40-41, W42-45, then a third handset in W46: the old one is the second, for its 4 weeks
    expect(r.member("2026-W46", third, "handset_change")!.detail).toMatchObject({ since_week: "2026-W46", old_handset_weeks: 4 });
    expect(r.member("2026-W42", third, "handset_change")).toBeUndefined(); // the first served 2 weeks
  });

  it("stays quiet when the old handset served less than a month", () => {
    expect(r.memberSignals.filter((s) => s.msisdn === recent)).toEqual([]);
  });
});
