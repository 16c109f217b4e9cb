import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_retention_drop.sql: members closed, ported out or left, over the last 4 weeks.
describe("retention_drop", () => {
  const fx = new Fixture("2026-W40", 6);
  const small = fx.crowd("G1", 10);
  fx.status(small[0], "2026-W44", "ported_out");
  fx.status(fx.crowd("G2", 40)[0], "2026-W45", "closed");
  const g3 = fx.crowd("G3", 40);
  for (const m of g3.slice(0, 3)) fx.status(m, "2026-W45", "ported_out");
  fx.status(fx.crowd("G4", 40)[0], "2026-W45", "ported_out");
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("flags a port-out in a small group at severity 2, and the member who left", () => {
    expect(r.group("2026-W44", "G1", "retention_drop")).toMatchObject({
      severity: 2, members_affected: 1, reason: "近4周10名成员中1人离开，其中1人携号转网",
    });
    expect(r.group("2026-W44", "G1", "retention_drop")!.detail).toMatchObject({ ported: 1, retention_share: 0.9 });
    expect(r.member("2026-W44", small[0], "retention_drop")).toMatchObject({ severity: 3, model: "ported_out" });
  });

  it("keeps the group flagged for the window; the member row is the week it left", () => {
    expect(r.group("2026-W45", "G1", "retention_drop")).toMatchObject({ severity: 2 });
    expect(r.member("2026-W45", small[0], "retention_drop")).toBeUndefined();
  });

  it("grades by port-outs and by the share lost", () => {
    expect(r.group("2026-W45", "G2", "retention_drop")).toBeUndefined(); // one closure in 40: routine
    expect(r.group("2026-W45", "G3", "retention_drop")).toMatchObject({ severity: 3, members_affected: 3 });
    expect(r.group("2026-W45", "G4", "retention_drop")).toMatchObject({ severity: 1 }); // one port-out in 40
  });
});
