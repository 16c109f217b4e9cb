import { describe, it, expect, beforeAll } from "vitest";
import { Fixture } from "./fixture.ts";
import { scoreFixture, type Scored } from "./scoreFixture.ts";

// sig_contract_expiry.sql: agreements ending soon. 2026-W45 ends on Sunday 2026-11-08.
describe("contract_expiry", () => {
  const fx = new Fixture("2026-W45", 1);
  const ends: Record<string, string> = {
    G20: "2026-11-28", G45: "2026-12-23", G80: "2027-01-27", G100: "2027-02-16", GEXP: "2026-10-29", GOLD: "2026-09-29",
  };
  for (const [id, end] of Object.entries(ends)) fx.group(id, { contractEnd: end }).crowd(id, 3);
  const contact = fx.member("GKP", { role: "contact", contractEnd: "2026-11-28" });
  const ordinary = fx.member("GKP", { contractEnd: "2026-11-28" });
  let r: Scored;
  beforeAll(async () => { r = await scoreFixture(fx); });

  it("grades the group agreement by days left", () => {
    const W = "2026-W45";
    expect(r.group(W, "G20", "contract_expiry")).toMatchObject({ severity: 3, reason: "集团协议11月28日到期，还有20天" });
    expect(r.group(W, "G45", "contract_expiry")?.severity).toBe(2);
    expect(r.group(W, "G80", "contract_expiry")?.severity).toBe(1);
    expect(r.group(W, "G100", "contract_expiry")).toBeUndefined();
    expect(r.group(W, "GEXP", "contract_expiry")).toMatchObject({
      severity: 3, reason: "集团协议已于10月29日到期10天，尚未续签",
    });
    expect(r.group(W, "GOLD", "contract_expiry")).toBeUndefined();
  });

  it("warns of a key person's own agreement, not an ordinary member's", () => {
    expect(r.member("2026-W45", contact, "contract_expiry")).toMatchObject({ severity: 2, is_key_person: true });
    expect(r.member("2026-W45", contact, "contract_expiry")!.detail).toMatchObject({ days_left: 20, role: "contact" });
    expect(r.member("2026-W45", ordinary, "contract_expiry")).toBeUndefined();
  });
});
