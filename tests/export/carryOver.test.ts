import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { ingest, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";
import { publishGiven, type GivenScores } from "../helpers/publishGiven.ts";
import { FIXTURE_KEY, fixtureTables } from "../helpers/scoredFixture.ts";

const W1 = "2026-W47";
const W2 = "2026-W48";
const usage = { calls_out: 0, calls_in: 4, baseline_calls_out: 10, baseline_weeks: 4 };

/** Week 1: G001 high, G003 medium. Week 2: G001 still high, G003 down to low, nobody's own warning there. */
const WEEK1: GivenScores = {
  memberSignals: [{ group_id: "G001", msisdn: "13800000001", signal: "zero_outgoing", model: null, severity: 3, detail: usage }],
  groupSignals: [{ group_id: "G001", signal: "zero_outgoing", severity: 3, members_affected: 1, detail: {}, key_persons_affected: 1 }],
  groupScores: [
    { group_id: "G001", risk_score: 80, tier: "high", signals: "zero_outgoing", members_flagged: 1 },
    { group_id: "G003", risk_score: 50, tier: "medium", signals: "", members_flagged: 0 },
  ],
};
const WEEK2: GivenScores = {
  memberSignals: WEEK1.memberSignals,
  groupSignals: WEEK1.groupSignals,
  groupScores: [
    { group_id: "G001", risk_score: 75, tier: "high", signals: "zero_outgoing", members_flagged: 1 },
    { group_id: "G003", risk_score: 10, tier: "low", signals: "", members_flagged: 0 },
  ],
};

describe("carry-over: whom nobody reached last week is called again", () => {
  const root = tempDir("cw-carry-");
  const db = join(root, "data", "wh.duckdb");
  const out = join(root, "out");
  const lines = (week: string) => {
    const [header, ...rows] = parseCsv(readFileSync(join(out, week, "calls", "M01.csv"), "utf8"));
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  };

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = FIXTURE_KEY;
    const extracts = join(root, "extracts");
    for (const week of [W1, W2]) writeBundle(extracts, { week, tables: fixtureTables(week) });
    const report = await ingest(db, extracts);
    expect(report.bundles.map((b) => b.outcome)).toEqual(["loaded", "loaded"]);
    const loaded = loadConfig();
    const context = { command: "export" as const, durationsMs: {} };
    await withTestWarehouse(db, async (conn) => {
      await publishGiven(conn, W1, WEEK1);
      await publishGiven(conn, W2, WEEK2);
      await exportWeek(conn, { db, outDir: out, week: W1, loaded, context });
      // what M01 reported on week 1's list: the decision maker reached; the dept head not reached;
      // the contact and G003's contact returned nothing
      const returned = [
        { msisdn: "13800000001", group_id: "G001", contact_result: "reached" },
        { msisdn: "13800000005", group_id: "G001", contact_result: "not_reached" },
      ];
      for (const r of returned) {
        await sql.exec(conn, `insert into feedback_calls (week, manager_id, group_id, msisdn, contact_result, file_sha256, loaded_at)
          values ($week, 'M01', $group_id, $msisdn, $contact_result, 'test', now()::timestamp)`, { week: W1, ...r });
      }
      await exportWeek(conn, { db, outDir: out, week: W2, loaded, context });
    });
  });

  it("lists again, marked 1 and saying 上周未联系, a person not reached or with no return who is still at risk", () => {
    const week2 = lines(W2);
    const carried = week2.filter((l) => l.carried_over === "1").map((l) => l.person_msisdn);
    // dept head not reached, contact and influencer never returned: G001 is still high
    expect(carried).toEqual(["13800000005", "13800000006", "13800000007"]);
    for (const l of week2.filter((x) => x.carried_over === "1")) expect(l.reason).toMatch(/^上周未联系。/);
    for (const l of week2.filter((x) => x.carried_over === "0")) expect(l.reason).not.toContain("上周未联系");
  });

  it("does not carry a person who was reached, nor one who is no longer at risk", () => {
    const week2 = lines(W2);
    const decisionMaker = week2.find((l) => l.person_msisdn === "13800000001")!;
    expect(decisionMaker.carried_over).toBe("0"); // listed again for this week's warning, not carried
    // G003 fell to low and its contact has no warning of her own: not listed, carried or not
    expect(week2.map((l) => l.group_id)).not.toContain("G003");
    expect(lines(W1).map((l) => l.group_id)).toContain("G003");
  });

  it("puts carried-over lines ahead of the new lines of the same rank", () => {
    const keyPersonsOfHigh = lines(W2).filter((l) => l.group_id === "G001" && l.person_role !== "member");
    expect(keyPersonsOfHigh.map((l) => [l.person_msisdn, l.carried_over])).toEqual([
      ["13800000005", "1"], ["13800000006", "1"], ["13800000007", "1"], ["13800000001", "0"],
    ]);
  });

  it("publishes each line's follow-up for the dashboard: returned, reached, carried", async () => {
    await withTestWarehouse(db, async (conn) => {
      const rows = await sql.query<{ week: string; n: number; returned: number; reached: number; carried: number }>(conn,
        `select week, count(*)::integer as n, count(*) filter (where returned)::integer as returned,
                count(*) filter (where contact_result = 'reached')::integer as reached,
                count(*) filter (where carried_over)::integer as carried
         from pub_call_follow_up where manager_id = 'M01' group by week order by week`);
      expect(rows.map((r) => [r.week, r.returned, r.reached, r.carried])).toEqual([[W1, 2, 1, 0], [W2, 0, 0, 3]]);
    });
  });
});
