import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_batch_forwarding.sql: several members of a group newly forward calls outside the group.
describe("batch_forwarding", () => {
  const fx = new Fixture("2026-W40", 6);
  const g1 = fx.crowd("G1", 8);
  const g2 = fx.crowd("G2", 8);
  const g3 = fx.crowd("G3", 6);
  const g4 = fx.crowd("G4", 6);
  const g5 = fx.crowd("G5", 6);
  // G3 has its decision maker on record, so nothing at all fires in it (key_person_change neither)
  fx.member("G3", { role: "decision_maker" });
  const ct = fx.outsideNumber("CT");
  const cu = fx.outsideNumber("CU");
  // G1: three members forward to CT numbers from W44 (two share one number)
  fx.usage(g1[0], "2026-W44", { forwards: [{ to: ct, network: "CT", calls: 5, days: 3 }] });
  fx.usage(g1[1], "2026-W44", { forwards: [{ to: ct, network: "CT", calls: 4, days: 2 }] });
  fx.usage(g1[2], "2026-W44", { forwards: [{ to: fx.outsideNumber("CT"), network: "CT", calls: 6, days: 3 }] });
  // G2: four members forward to one CU number: a clear batch
  for (const m of g2.slice(0, 4)) fx.usage(m, "2026-W45", { forwards: [{ to: cu, network: "CU", calls: 5, days: 3 }] });
  // G3: two members forward calls to colleagues (absence cover): not a batch
  fx.usage(g3[0], "2026-W44", { forwards: [{ to: g3[3], network: "CMCC", calls: 8, days: 4 }] });
  fx.usage(g3[1], "2026-W44", { forwards: [{ to: g3[4], network: "CMCC", calls: 8, days: 4 }] });
  // G4: two members have always forwarded to their landlines: a habit, not new
  for (const m of g4.slice(0, 2)) fx.usage(m, "2026-W40", { forwards: [{ to: fx.outsideNumber("FIXED"), network: "FIXED", calls: 5, days: 3 }] });
  // G5: two members start forwarding in the second week, before any history
  for (const m of g5.slice(0, 2)) fx.usage(m, "2026-W41", { forwards: [{ to: ct, network: "CT", calls: 5, days: 3 }] }, "2026-W41");
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags the group and each forwarding member, severity 2 for a batch to a competitor", () => {
    expect(r.group("2026-W44", "G1", "batch_forwarding")).toMatchObject({
      severity: 2, members_affected: 3, since_week: "2026-W44", reason: "8名成员中3人本周将来电转移至电信号码，共15次",
    });
    expect(r.group("2026-W44", "G1", "batch_forwarding")!.detail).toMatchObject({
      members_to_competitor: 3, calls_forwarded: 15, distinct_numbers: 2, numbers_shared_by_members: 1,
    });
    const members = r.memberSignals.filter((s) => s.week === "2026-W44" && s.signal === "batch_forwarding");
    expect(members.map((s) => s.msisdn).sort()).toEqual(g1.slice(0, 3).sort());
    expect(members[0].detail).toMatchObject({ networks: "CT", baseline_calls: 0 });
  });

  it("keeps the batch flagged while it lasts, saying since when", () => {
    expect(r.group("2026-W45", "G1", "batch_forwarding")).toMatchObject({
      severity: 2, since_week: "2026-W44", reason: "8名成员中3人自10月26日当周起将来电转移至电信号码，共15次",
    });
  });

  it("grades four members forwarding to a competitor severity 3", () => {
    expect(r.group("2026-W45", "G2", "batch_forwarding")).toMatchObject({ severity: 3, members_affected: 4 });
  });

  it("stays quiet for forwarding to colleagues, an old habit, and forwarding without history", () => {
    expect(r.codes("2026-W44", "G3")).toEqual([]);
    expect(r.groupSignals.filter((s) => ["G3", "G4", "G5"].includes(s.group_id) && s.signal === "batch_forwarding")).toEqual([]);
  });
});
