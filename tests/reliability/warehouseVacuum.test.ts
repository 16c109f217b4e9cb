import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { weekTables } from "../../pipelines/score/weekStages.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { rows, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";

/**
 * warehouse.maxVacuumTasks defaults to 0: checkpoints no longer merge part-filled row groups (the
 * weekly job closed 2 s faster). What that must not cost: space. A deleted week's rows sit in row
 * groups of their own, which DuckDB drops whole, so re-scoring again and again leaves the tables a
 * week writes in as many blocks as before.
 */
describe("the warehouse without row-group merges", () => {
  const loaded = loadConfig();
  const root = tempDir("cw-vacuum-");
  const db = join(root, "wh.duckdb");
  let weeks: string[] = [];

  /** Distinct storage blocks holding the tables scoring writes a week's rows into. */
  const keptBlocks = (conn: DuckDBConnection) =>
    Promise.all(
      weekTables().kept.map(async (table) => {
        const [{ n }] = await rows(conn, "select count(distinct block_id)::integer as n from pragma_storage_info($table) where block_id >= 0", { table });
        return Number(n);
      }),
    ).then((counts) => counts.reduce((a, b) => a + b, 0));

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "vacuum-test-key";
    const extracts = join(root, "extracts");
    await generate({ out: extracts, groups: 40, weeks: 4, seed: 5, cdrPerMember: 20 });
    weeks = await withTestWarehouse(db, async (conn) => {
      const report = await ingestPath(conn, extracts, loaded.config, { tempDir: join(root, ".tmp") });
      return report.bundles.map((b) => b.week!).sort();
    });
  });

  it("hands the configured value to DuckDB: 0 by default, any other when set", async () => {
    const setting = (conn: DuckDBConnection) => rows(conn, "select current_setting('max_vacuum_tasks')::integer as n").then((r) => Number(r[0].n));
    expect(await withTestWarehouse(db, setting)).toBe(0);
    expect(await withTestWarehouse(db, setting, testConfig({ warehouse: { maxVacuumTasks: 7 } }))).toBe(7);
  });

  it("keeps the scored tables' size when every week is scored again and again, each run a session of its own", async () => {
    await withTestWarehouse(db, (conn) => scoreWeeks(conn, weeks, loaded));
    const first = await withTestWarehouse(db, keptBlocks);
    expect(first, "the scored tables hold data").toBeGreaterThan(weekTables().kept.length);
    for (let i = 0; i < 4; i++) await withTestWarehouse(db, (conn) => scoreWeeks(conn, weeks, loaded));
    const after = await withTestWarehouse(db, keptBlocks);
    // four more copies of every week were written; kept as dead rows they would take 5 × the blocks
    expect(after).toBeLessThanOrEqual(Math.ceil(first * 1.5));
  }, 120_000);
});
