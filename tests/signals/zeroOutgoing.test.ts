import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_zero_outgoing.sql: an active member who used to call out makes no outgoing call.
describe("zero_outgoing", () => {
  const fx = new Fixture("2026-W40", 6); // W40..W45; the default member makes 20 outgoing calls a week
  const crowd = fx.crowd("G1", 6);
  const boss = fx.member("G1", { role: "decision_maker" });
  const vip = fx.member("G1", { vip: "gold" });
  const ordinary = crowd[0];
  const lightCaller = crowd[1];
  const joiner = fx.member("G1", { joinWeek: "2026-W44" });
  const suspended = crowd[2];
  const leaver = crowd[3];
  const shortHistory = fx.member("G1", { joinWeek: "2026-W43" });
  fx.usage(boss, "2026-W44", { callsOut: 0 });
  fx.usage(vip, "2026-W45", { callsOut: 0 });
  fx.usage(ordinary, "2026-W45", { callsOut: 0 });
  fx.usage(lightCaller, "2026-W40", { callsOut: 4 }).usage(lightCaller, "2026-W45", { callsOut: 0 });
  fx.usage(joiner, "2026-W44", { callsOut: 0 });
  fx.status(suspended, "2026-W45", "suspended");
  fx.status(leaver, "2026-W45", "left_group");
  fx.usage(shortHistory, "2026-W45", { callsOut: 0 });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a key person gone silent at severity 3, with the numbers", () => {
    const row = r.member("2026-W44", boss, "zero_outgoing");
    expect(row).toMatchObject({ severity: 3, group_id: "G1", is_key_person: true, since_week: "2026-W44", metric_now: 0 });
    expect(row!.detail).toMatchObject({ calls_out: 0, baseline_calls_out: 20, expected_calls: 20, baseline_weeks: 4 });
  });

  it("stays on while the silence lasts, against the baseline from before it began", () => {
    const row = r.member("2026-W45", boss, "zero_outgoing");
    expect(row).toMatchObject({ severity: 3, since_week: "2026-W44" });
    expect(row!.detail).toMatchObject({ baseline_calls_out: 20, baseline_to: "2026-W43" });
  });

  it("grades mid/high-end members 2 and ordinary members 1", () => {
    expect(r.member("2026-W45", vip, "zero_outgoing")?.severity).toBe(2);
    expect(r.member("2026-W45", ordinary, "zero_outgoing")?.severity).toBe(1);
  });

  it("leaves alone a member who rarely called out (zero is no surprise)", () => {
    expect(r.member("2026-W45", lightCaller, "zero_outgoing")).toBeUndefined();
  });

  it("leaves alone new joiners, members with one week of history, suspended members and leavers", () => {
    for (const m of [joiner, shortHistory, suspended, leaver]) {
      expect(r.memberSignals.filter((s) => s.msisdn === m && s.signal === "zero_outgoing")).toEqual([]);
    }
  });

  it("judges nobody before two weeks of history, and says so", () => {
    expect(r.memberSignals.filter((s) => s.week <= "2026-W41")).toEqual([]);
    const w41 = r.reports.find((x) => x.week === "2026-W41")!;
    expect(w41.notes.some((n) => /zero_outgoing.*: \d+ members lack 2 weeks of history/.test(n))).toBe(true);
  });

  it("rolls up to the group with a sentence a manager reads", () => {
    expect(r.group("2026-W44", "G1", "zero_outgoing")).toMatchObject({
      severity: 3, members_affected: 1, key_persons_affected: 1,
      reason: "10名成员中1人（含关键人1名）本周未打出电话",
    });
    expect(r.group("2026-W45", "G1", "zero_outgoing")?.reason).toMatch(/^\d+名成员中3人（含关键人1名）自10月26日当周起未打出电话$/);
  });
});
