import { describe, it, expect, beforeAll } from "vitest";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { findSparkSubmit } from "../../pipelines/spark/findSparkSubmit.ts";
import { editBundle } from "../helpers/editBundle.ts";
import { runCli } from "../helpers/runCli.ts";
import { ingest, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

const spark = findSparkSubmit();
const WEEKS = ["2026-W44", "2026-W45"];
if (spark.path === null) console.warn(`Spark table-source test skipped: ${spark.why}`);

async function features(conn: DuckDBConnection): Promise<string[]> {
  return [
    ...(await sql.query(conn, "select * from feat_member_contact order by all")),
    ...(await sql.query(conn, "select * from feat_member_handset order by all")),
  ].map((r) => JSON.stringify(r));
}

describe.skipIf(spark.path === null)("Spark reads the records from a table (--cdr-table): a platform's Parquet dataset", () => {
  const root = tempDir("cw-spark-table-");
  const extracts = join(root, "extracts");
  const snapshots = join(root, "snapshots");
  const dataset = join(root, "dw", "cdr");
  const out = join(root, "features");
  const fromRaw = join(root, "raw.duckdb");
  const fromTable = join(root, "table.duckdb");

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "spark-table-key";
    await generate({ out: extracts, groups: 8, weeks: 2, seed: 9, cdrPerMember: 20, startWeek: WEEKS[0] });
    await ingest(fromRaw, extracts);
    mkdirSync(join(root, "dw"));
    // the platform's table: the same records, typed (timestamp, integer), partitioned by week
    await withTestWarehouse(fromRaw, (conn) => sql.exec(conn,
      `copy (select record_id, msisdn, record_type, other_party, other_network, start_time, duration_s, cell_id, imei, week from raw_cdr)
       to '${dataset}' (format parquet, partition_by (week))`));
    // the bundles without their CDR files: only the snapshots travel as files
    for (const week of WEEKS) {
      cpSync(join(extracts, week), join(snapshots, week), { recursive: true });
      rmSync(join(snapshots, week, "cdr"), { recursive: true });
      editBundle.editManifest(join(snapshots, week), (m) => { m.files = m.files.filter((f) => f.table !== "cdr"); });
    }
    const run = await runCli(["features", "--engine", "spark", "--cdr-table", `parquet.\`${dataset}\``, snapshots, "--out", out]);
    expect(run.stderr).toContain("feature bundle written");
    expect(run.status).toBe(0);
    const loaded = await ingest(fromTable, out);
    expect(loaded.bundles.map((b) => b.outcome)).toEqual(["loaded", "loaded"]);
  }, 300_000);

  it("gives the same features as DuckDB from the extract's files", async () => {
    const a = await withTestWarehouse(fromRaw, features);
    const b = await withTestWarehouse(fromTable, features);
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it("names the table as the records' source, with the records it read", async () => {
    const manifest = JSON.parse(readFileSync(join(out, WEEKS[1], "manifest.json"), "utf8"));
    const rows = await withTestWarehouse(fromRaw, (conn) =>
      sql.query<{ n: number }>(conn, "select count(*)::integer as n from raw_cdr where week = $week", { week: WEEKS[1] }));
    expect(manifest.source.cdr).toEqual([{ path: `parquet.\`${dataset}\``, rows: rows[0].n, malformed: 0, refused: {}, duplicates: 0 }]);
  });

  it("refuses a table name that is not one, before Spark starts", async () => {
    const run = await runCli(["features", "--engine", "spark", "--cdr-table", "cdr; drop table x", snapshots, "--out", join(root, "no")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("give a table as db.table, or a Parquet dataset as parquet.`/path`");
  });
});
