import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_mou_drop.sql: minutes of use fall sharply against baseline, beyond the population's trend.
// The default member: 20 calls out and 15 in a week, 3 minutes each: 105 minutes, 35 calls.
describe("mou_drop", () => {
  const fx = new Fixture("2026-W40", 6);
  const [faller, longFall, , , , silentAlways] = fx.crowd("G1", 6);
  const joiner = fx.member("G1", { joinWeek: "2026-W45" });
  const leaver = fx.member("G1");
  const wholeGroup = fx.crowd("G2", 4);
  fx.usage(faller, "2026-W44", { callsOut: 5, callsIn: 4 });
  fx.usage(longFall, "2026-W43", { callsOut: 5, callsIn: 4 });
  fx.usage(silentAlways, "2026-W40", { callsOut: 0, callsIn: 0, sms: 0 });
  fx.usage(joiner, "2026-W45", { callsOut: 3, callsIn: 2 });
  fx.status(leaver, "2026-W45", "closed");
  for (const m of wholeGroup) fx.usage(m, "2026-W45", { callsOut: 6, callsIn: 4 });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a member whose minutes fell by three quarters, with baseline, now and change", () => {
    const row = r.member("2026-W44", faller, "mou_drop");
    expect(row).toMatchObject({ severity: 2, metric_baseline: 105, metric_now: 27 });
    expect(row!.metric_change).toBeCloseTo(27 / 105 - 1, 5);
    expect(row!.detail).toMatchObject({ baseline_minutes: 105, minutes_now: 27, calls_now: 9, drop_share: 0.743 });
  });

  it("keeps three low weeks flagged against the weeks before the fall", () => {
    for (const week of ["2026-W43", "2026-W44", "2026-W45"]) {
      const row = r.member(week, longFall, "mou_drop");
      expect(row, week).toMatchObject({ since_week: "2026-W43", metric_baseline: 105 });
      expect(row!.detail.baseline_to).toBe("2026-W42");
    }
  });

  it("judges the group total: a whole group falling is a group_total warning", () => {
    expect(r.group("2026-W45", "G2", "mou_drop")).toMatchObject({ model: "group_total", severity: 3, members_affected: 4 });
    expect(r.group("2026-W45", "G2", "mou_drop")!.reason).toMatch(/^集团通话分钟数较平常下降71%（每周\d+分钟降至\d+分钟），其中4人降幅明显$/);
    expect(r.group("2026-W44", "G1", "mou_drop")).toMatchObject({ model: "members", severity: 1, members_affected: 2 });
  });

  it("never judges a zero baseline, a new joiner's partial week, or a member who left", () => {
    for (const m of [silentAlways, joiner, leaver]) {
      expect(r.memberSignals.filter((s) => s.msisdn === m && s.signal === "mou_drop")).toEqual([]);
    }
  });
});

describe("mou_drop in a holiday week", () => {
  // 24 members fall to 60 % of their usual week (the population moves), one of them to 10 %
  const fx = new Fixture("2026-W40", 6);
  const members = fx.crowd("H", 24);
  for (const m of members) fx.usage(m, "2026-W40", { callsOut: 35, callsIn: 25 }).usage(m, "2026-W45", { callsOut: 21, callsIn: 15 });
  const traveller = members[0];
  fx.usage(traveller, "2026-W45", { callsOut: 4, callsIn: 2 });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags only who fell beyond everybody, and no group-wide fall", () => {
    expect(r.reports.find((x) => x.week === "2026-W45")!.populationTrend.minutes_ratio).toBeCloseTo(0.6, 2);
    const flagged = r.memberSignals.filter((s) => s.week === "2026-W45" && s.signal === "mou_drop");
    expect(flagged.map((s) => s.msisdn)).toEqual([traveller]);
    expect(flagged[0]).toMatchObject({ severity: 3 });
    expect(r.group("2026-W45", "H", "mou_drop")?.model).toBe("members");
    expect(r.memberSignals.filter((s) => s.signal === "zero_outgoing")).toEqual([]);
  });
});
