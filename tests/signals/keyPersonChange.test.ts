import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_key_person_change.sql: no decision maker or contact on record, or a key person left, ported
// out, closed the line or changed role this week (this week's snapshot against the previous one).
describe("key_person_change", () => {
  const fx = new Fixture("2026-W44", 2);
  const W = "2026-W45";
  // a group that loses its decision maker (leaves the group) in W45
  const boss = fx.member("LOSS", { role: "decision_maker" });
  fx.member("LOSS", { role: "contact" });
  fx.crowd("LOSS", 6);
  fx.status(boss, W, "left_group");
  // a quiet group: its decision maker and contact stay
  fx.member("QUIET", { role: "decision_maker" });
  fx.member("QUIET", { role: "contact" });
  fx.crowd("QUIET", 6);
  // a contact handed over: the contact becomes an ordinary member, a member becomes the contact
  fx.member("HANDOVER", { role: "decision_maker" });
  const oldContact = fx.member("HANDOVER", { role: "contact" });
  const newContact = fx.member("HANDOVER");
  fx.crowd("HANDOVER", 5);
  fx.role(oldContact, W, "member").role(newContact, W, "contact");
  // a contact ports out; the group never had a decision maker on record
  const leaver = fx.member("HEADLESS", { role: "contact" });
  fx.member("HEADLESS", { role: "influencer" });
  fx.crowd("HEADLESS", 6);
  fx.port(leaver, W, "CT");
  // a key person no longer listed, with no departure reported
  fx.member("VANISHED", { role: "decision_maker" });
  const gone = fx.member("VANISHED", { role: "influencer" });
  fx.crowd("VANISHED", 5);
  fx.unlist(gone, W);
  // a small group whose decision maker is its only key person (and its contact)
  fx.member("SMALL", { role: "decision_maker" });
  fx.crowd("SMALL", 4);
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a group that loses its decision maker: severity 3, a Chinese reason, at least medium", () => {
    expect(r.group(W, "LOSS", "key_person_change")).toMatchObject({
      level: "group", severity: 3, members_affected: 1,
      reason: "集团名下无在网的最高决策者；本周1名关键人离开集团，其中含最高决策者",
    });
    expect(r.group(W, "LOSS", "key_person_change")!.detail).toEqual({
      no_decision_maker: true, no_contact: false, key_persons_on_record: 1, key_persons_left: 1, key_persons_ported: 0,
      key_persons_closed: 0, role_changes: 0, decision_makers_gone: 1,
    });
    expect(r.member(W, boss, "key_person_change")).toMatchObject({
      severity: 3, model: "left_group", reason: "本周离开集团（原为最高决策者）",
      detail: { change: "left_group", role_before: "decision_maker", role_now: null },
    });
    // the departure also counts against retention (another family): together they make it high
    expect(["medium", "high"]).toContain(r.score(W, "LOSS").tier);
    expect(r.score(W, "LOSS").reasons).toContain("本周1名关键人离开集团，其中含最高决策者");
  });

  it("leaves a group with its key persons quiet, in the first week too", () => {
    expect(r.codes(W, "QUIET")).toEqual([]);
    expect(r.score(W, "QUIET")).toMatchObject({ tier: "low", risk_score: 0 });
    expect(r.codes("2026-W44", "LOSS")).toEqual([]);
    expect(r.codes("2026-W44", "HANDOVER")).toEqual([]);
  });

  it("catches a role change, both ways, and the new key person is named", () => {
    expect(r.group(W, "HANDOVER", "key_person_change")).toMatchObject({
      severity: 3, reason: "本周2名关键人角色变动",
      detail: { no_decision_maker: false, no_contact: false, role_changes: 2, decision_makers_gone: 0 },
    });
    expect(r.member(W, oldContact, "key_person_change")).toMatchObject({
      severity: 2, model: "role_changed", is_key_person: false, reason: "本周角色由联系人变为普通成员",
    });
    expect(r.member(W, newContact, "key_person_change")).toMatchObject({
      severity: 2, is_key_person: true, reason: "本周角色由普通成员变为联系人",
    });
    expect(r.score(W, "HANDOVER").tier).not.toBe("low");
  });

  it("flags no decision maker on record every week, and a key person porting out", () => {
    expect(r.group("2026-W44", "HEADLESS", "key_person_change")).toMatchObject({
      severity: 3, reason: "集团名下无在网的最高决策者",
    });
    expect(r.group(W, "HEADLESS", "key_person_change")).toMatchObject({
      severity: 3, reason: "集团名下无在网的最高决策者和联系人；本周1名关键人携号转网",
      detail: { no_decision_maker: true, no_contact: true, key_persons_ported: 1, key_persons_on_record: 1 },
    });
    expect(r.member(W, leaver, "key_person_change")).toMatchObject({ severity: 2, reason: "本周携号转网（原为联系人）" });
  });

  it("counts a key person the snapshot no longer lists as gone, with no member row to show", () => {
    expect(r.group(W, "VANISHED", "key_person_change")).toMatchObject({
      severity: 2, members_affected: 0, reason: "本周1名关键人离开集团",
      detail: { no_decision_maker: false, key_persons_left: 1, decision_makers_gone: 0 },
    });
    expect(r.memberSignals.filter((s) => s.msisdn === gone)).toEqual([]);
    expect(r.score(W, "VANISHED").tier).toBe("medium");
  });

  it("takes a decision maker as the contact of a small group, unless configured otherwise", async () => {
    expect(r.codes(W, "SMALL")).toEqual([]);
    const strict = await scoreFixture(fx, { config: { signals: { keyPersonChange: { decisionMakerIsContact: false } } } });
    expect(strict.group(W, "SMALL", "key_person_change")).toMatchObject({
      severity: 2, reason: "集团名下无在网的联系人", detail: { no_decision_maker: false, no_contact: true },
    });
    expect(strict.score(W, "SMALL")).toMatchObject({ tier: "medium", tier_rule: "call_now", tier_reason: "关键人变动需本周联系" });
  });

  it("words every row in plain Chinese: no field names, codes or JSON", () => {
    const reasons = [...r.groupSignals, ...r.memberSignals].filter((s) => s.signal === "key_person_change").map((s) => s.reason);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason).not.toMatch(/[A-Za-z]{2,}|[{}"]/);
  });
});
