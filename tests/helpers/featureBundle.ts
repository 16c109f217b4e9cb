import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sql } from "../../pipelines/db/sql.ts";
import { FEATURE_TABLES } from "../../pipelines/ingest/featureTables.ts";
import { withTestWarehouse } from "./warehouse.ts";

/**
 * A feature bundle of `week` written from a warehouse that loaded its extract (DuckDB computed the
 * features), the way the Spark job's output is laid out: for tests of what ingest accepts, without
 * needing Spark. `select` may change the rows written of a table (default: all, sorted).
 */
export async function featureBundleFromWarehouse(
  db: string,
  extract: string,
  target: string,
  options: { select?: Partial<Record<(typeof FEATURE_TABLES)[number], string>> } = {},
): Promise<Record<string, unknown>> {
  const source = JSON.parse(readFileSync(join(extract, "manifest.json"), "utf8"));
  const files: Array<{ table: string; path: string; rows: number }> = [];
  for (const entry of source.files.filter((f: { table: string }) => f.table !== "cdr")) {
    mkdirSync(dirname(join(target, entry.path)), { recursive: true });
    copyFileSync(join(extract, entry.path), join(target, entry.path));
    files.push(entry);
  }
  mkdirSync(join(target, "features"), { recursive: true });
  await withTestWarehouse(db, async (conn) => {
    for (const table of FEATURE_TABLES) {
      const path = `features/${table}-000.parquet`;
      const query = options.select?.[table] ?? `select * from ${table} where week = '${source.week}' order by all`;
      await sql.exec(conn, `copy (${query}) to '${join(target, path)}' (format parquet)`);
      const [{ n }] = await sql.query<{ n: number }>(conn, `select count(*)::integer as n from read_parquet('${join(target, path)}')`);
      files.push({ table, path, rows: n });
    }
  });
  const manifest = {
    contract: 1, kind: "features", features: 1, week: source.week, generated_at: source.generated_at,
    encoding: source.encoding, delimiter: source.delimiter,
    source: {
      engine: "duckdb (test)", manifest_sha256: "0".repeat(64),
      cdr: source.files.filter((f: { table: string }) => f.table === "cdr")
        .map((f: { path: string; rows: number }) => ({ path: f.path, rows: f.rows, malformed: 0, refused: {}, duplicates: 0 })),
    },
    files,
  };
  writeFileSync(join(target, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}
