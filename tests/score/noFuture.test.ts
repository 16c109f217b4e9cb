import { describe, it, expect } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { weekTables } from "../../pipelines/score/weekStages.ts";
import { Fixture } from "../signals/fixture.ts";
import { testConfig } from "../signals/scoreFixture.ts";

// what differs between two runs of the same inputs: when they ran and how long they took
const RUN_COLUMNS: Partial<Record<string, string>> = { group_scores: "scored_at", score_runs: "scored_at, duration_ms, report" };

/** Every row a week's scoring wrote, in a stable order, without the moment it ran. */
async function weekRows(conn: DuckDBConnection, week: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of weekTables().kept) {
    const exclude = RUN_COLUMNS[table] ? ` exclude (${RUN_COLUMNS[table]})` : "";
    const reader = await conn.runAndReadAll(`select *${exclude} from ${table} where week = $week order by all`, { week });
    out[table] = reader.getRowObjectsJson();
  }
  return out;
}

describe("scoring a week uses nothing after it", () => {
  // Week W45 brings what would change W44 if it leaked: a corrected September bill, a port-out,
  // a fall in usage and a new handset.
  const fx = new Fixture("2026-W40", 6);
  const members = fx.crowd("G1", 8, { planFee: 100 });
  fx.usage(members[0], "2026-W43", { callsOut: 0 });
  fx.usage(members[1], "2026-W45", { callsOut: 2, callsIn: 1 });
  fx.status(members[2], "2026-W45", "ported_out");
  fx.correctBill(members[3], "2026-09", 10, "2026-W45");
  fx.bill(members[4], "2026-09", 30);
  const loaded = testConfig();

  it("gives W44 the same results before and after W45 is loaded and scored", async () => {
    const before = await withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
      await fx.load(conn, "2026-W44");
      await scoreWeeks(conn, fx.weeks.slice(0, 5), loaded);
      return weekRows(conn, "2026-W44");
    });
    const after = await withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
      await fx.load(conn);
      await scoreWeeks(conn, fx.weeks, loaded);
      // re-scoring a week replaces its rows: doing it again changes nothing either
      await scoreWeeks(conn, ["2026-W44"], loaded);
      return weekRows(conn, "2026-W44");
    });
    expect(before.member_signals.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});
