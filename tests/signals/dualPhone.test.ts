import { describe, it, expect, beforeAll } from "vitest";
import { Fixture, HANDSETS, imeiOf } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_dual_phone.sql: four models, any one fires; `model` lists those that did.
describe("dual_phone", () => {
  const fx = new Fixture("2026-W40", 6);
  const g = fx.crowd("G1", 12);
  const [forwarder, handsetFall, stableDualSim, singleSimFall, affinity, spouse, circle, both] = g;
  const ct = fx.outsideNumber("CT");
  fx.usage(forwarder, "2026-W45", { forwards: [{ to: ct, network: "CT", calls: 4, days: 2 }] });

  // handset: a dual-mode handset from W44 and usage falling to a fifth; the same handset with usage
  // unchanged; a single-SIM handset with usage falling
  const old = (n: number) => imeiOf(HANDSETS.single, n);
  for (const [m, n] of [[handsetFall, 1], [stableDualSim, 2], [singleSimFall, 3], [both, 4]] as const) fx.usage(m, "2026-W40", { imei: old(n) });
  fx.usage(handsetFall, "2026-W44", { imei: imeiOf(HANDSETS.cdma, 1), callsOut: 4, callsIn: 3 });
  fx.usage(stableDualSim, "2026-W44", { imei: imeiOf(HANDSETS.cdma, 2) });
  fx.usage(singleSimFall, "2026-W44", { imei: imeiOf(HANDSETS.single, 99), callsOut: 4, callsIn: 3 });

  // affinity: from W45 a new CT number takes 3 of every 7 calls; `spouse` always called one that much
  const newCt = fx.outsideNumber("CT");
  const usual = [fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber()];
  fx.usage(affinity, "2026-W40", { contacts: usual }).usage(affinity, "2026-W45", { contacts: [newCt, newCt, newCt, ...usual] });
  const wife = fx.outsideNumber("CT");
  fx.usage(spouse, "2026-W40", { contacts: [wife, wife, wife, ...usual] });

  // circle: the member's five usual contacts are CMCC; three of them port to CT in W45
  const circleContacts = [fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber()];
  fx.usage(circle, "2026-W40", { contacts: circleContacts });
  for (const n of circleContacts.slice(0, 3)) fx.port(n, "2026-W45", "CT");

  // two models at once: forwarding to CT and a dual-mode handset with usage falling
  fx.usage(both, "2026-W45", { imei: imeiOf(HANDSETS.cdma, 4), callsOut: 4, callsIn: 3, forwards: [{ to: ct, network: "CT", calls: 5, days: 3 }] });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("forwarding: calls forwarded repeatedly to a competitor number", () => {
    const row = r.member("2026-W45", forwarder, "dual_phone");
    expect(row).toMatchObject({ model: "forwarding", severity: 2 });
    expect(row!.detail).toMatchObject({ models: "forwarding", evidence: { forwarding: { calls: 4, days: 2, numbers: 1 } } });
  });

  it("handset: a dual-mode handset and usage falling after it appeared", () => {
    const row = r.member("2026-W44", handsetFall, "dual_phone");
    expect(row).toMatchObject({ model: "handset", severity: 1 });
    expect(row!.detail.evidence).toMatchObject({ handset: { since_week: "2026-W44", cdma2000: true, minutes_before: 105, minutes_now: 21 } });
    expect(r.member("2026-W45", handsetFall, "dual_phone")?.since_week).toBe("2026-W44");
  });

  it("handset: stays quiet for a dual-SIM handset with usage unchanged, and for a single-SIM one", () => {
    expect(r.memberSignals.filter((s) => [stableDualSim, singleSimFall].includes(s.msisdn) && s.signal === "dual_phone")).toEqual([]);
  });

  it("affinity: a new competitor number takes over the member's calls", () => {
    const row = r.member("2026-W45", affinity, "dual_phone");
    expect(row).toMatchObject({ model: "affinity" });
    expect(row!.detail.evidence).toMatchObject({ affinity: { network: "CT", top_number_share_baseline: 0 } });
    expect((row!.detail.evidence as { affinity: { top_number_share: number } }).affinity.top_number_share).toBeGreaterThan(0.4);
  });

  it("affinity: stays quiet for a competitor number that always was the top contact", () => {
    expect(r.memberSignals.filter((s) => s.msisdn === spouse)).toEqual([]);
  });

  it("circle: the member's usual contacts now show a competitor network", () => {
    const row = r.member("2026-W45", circle, "dual_phone");
    expect(row).toMatchObject({ model: "circle", severity: 1 });
    expect(row!.detail.evidence).toMatchObject({ circle: { top_contacts: 5, moved: 3, moved_colleagues: 0 } });
  });

  it("lists every model that fired, sorted, and grades by how many", () => {
    expect(r.member("2026-W45", both, "dual_phone")).toMatchObject({ model: "forwarding;handset", severity: 3 });
    expect(r.group("2026-W45", "G1", "dual_phone")).toMatchObject({
      model: "affinity;circle;forwarding;handset", members_affected: 5,
      reason: "12名成员中5人自10月26日当周起疑似使用异网第二部手机",
    });
  });
});

// the handset model at about half the usage, and the dual-phone care moment (group_scores.sql)
describe("dual_phone: a handset with usage halved, and the care moment", () => {
  const fx = new Fixture("2026-W40", 6);
  const W = "2026-W45";
  const old = (n: number) => imeiOf(HANDSETS.single, n);
  // usage about halved (35 calls a week to 18, 105 minutes to 54) once a dual-SIM handset appears
  const [half] = fx.crowd("HALF", 9);
  fx.member("HALF", { role: "decision_maker" });
  fx.usage(half, "2026-W40", { imei: old(1) }).usage(half, "2026-W44", { imei: imeiOf(HANDSETS.dualSim, 1), callsOut: 10, callsIn: 8 });
  // the same handset, usage unchanged
  const [stable] = fx.crowd("STABLE", 9);
  fx.member("STABLE", { role: "decision_maker" });
  fx.usage(stable, "2026-W40", { imei: old(2) }).usage(stable, "2026-W44", { imei: imeiOf(HANDSETS.dualSim, 2) });
  // one forwarding member each: a key person, a mid/high-end member, an ordinary member of 40
  const ct = fx.outsideNumber("CT");
  const forwarding = { forwards: [{ to: ct, network: "CT" as const, calls: 4, days: 2 }] };
  const key = fx.member("KEY", { role: "contact" });
  fx.member("KEY", { role: "decision_maker" });
  fx.crowd("KEY", 8);
  fx.usage(key, W, forwarding);
  const vip = fx.member("VIP", { vip: "silver" });
  fx.member("VIP", { role: "decision_maker" });
  fx.crowd("VIP", 8);
  fx.usage(vip, W, forwarding);
  const [one] = fx.crowd("ONE", 39);
  fx.member("ONE", { role: "decision_maker" });
  fx.usage(one, W, forwarding);
  // several: two ordinary members of 20 (10 %) whose calls a new CT number takes over (affinity,
  // severity 1: too few points for medium on the score alone)
  const several = fx.crowd("SEVERAL", 19).slice(0, 2);
  fx.member("SEVERAL", { role: "decision_maker" });
  for (const m of several) {
    const usual = [fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber(), fx.outsideNumber()];
    const newCt = fx.outsideNumber("CT");
    fx.usage(m, "2026-W40", { contacts: usual }).usage(m, W, { contacts: [newCt, newCt, newCt, ...usual] });
  }
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("handset: catches usage falling by about half after a dual-SIM handset appeared, while it lasts", () => {
    const row = r.member("2026-W44", half, "dual_phone");
    expect(row).toMatchObject({ model: "handset", severity: 1 });
    expect(row!.detail.evidence).toMatchObject({ handset: { since_week: "2026-W44", dual_sim: true, cdma2000: false, minutes_before: 105, minutes_now: 54 } });
    expect(row!.reason).toBe("疑似双机：自10月26日当周起使用可插双卡的手机，此后每周通话由105分钟降至54分钟（-49%）");
    expect(r.member(W, half, "dual_phone")).toMatchObject({ model: "handset", since_week: "2026-W44" });
  });

  it("handset: stays quiet for the same dual-SIM handset with usage unchanged", () => {
    expect(r.memberSignals.filter((s) => s.msisdn === stable && s.signal === "dual_phone")).toEqual([]);
  });

  it("makes a dual-phone key person or mid/high-end member a care moment: at least medium, and says why", () => {
    expect(r.score(W, "KEY")).toMatchObject({
      tier: "medium", tier_rule: "care_moment", tier_reason: "疑似双机涉及1名成员（含关键人1名），需本周关怀",
    });
    expect(r.score(W, "VIP")).toMatchObject({
      tier: "medium", tier_rule: "care_moment", tier_reason: "疑似双机涉及1名成员（含中高端成员1名），需本周关怀",
    });
  });

  it("makes several dual-phone members a care moment, one ordinary member of many not", () => {
    expect(r.group(W, "SEVERAL", "dual_phone")).toMatchObject({ members_affected: 2, key_persons_affected: 0, model: "affinity", severity: 1 });
    expect(r.codes(W, "SEVERAL")).toEqual(["dual_phone"]);
    expect(r.score(W, "SEVERAL")).toMatchObject({ tier: "medium", tier_rule: "care_moment", tier_reason: "疑似双机涉及2名成员，需本周关怀" });
    expect(r.group(W, "ONE", "dual_phone")).toMatchObject({ members_affected: 1 });
    expect(r.score(W, "ONE").tier).toBe("low");
    expect(r.score("2026-W44", "STABLE").tier).toBe("low");
  });

  it("follows the configured count and share of 'several'", async () => {
    const strict = await scoreFixture(fx, { config: { scoring: { dualPhoneCareMoment: { minShare: 0.2, minMembers: 3 } } } });
    expect(strict.score(W, "SEVERAL").tier).toBe("low");
    expect(strict.score(W, "KEY").tier).toBe("medium");
    const loose = await scoreFixture(fx, { config: { scoring: { dualPhoneCareMoment: { minMembers: 1 } } } });
    expect(loose.score(W, "ONE")).toMatchObject({ tier: "medium", tier_rule: "care_moment" });
  });
});
