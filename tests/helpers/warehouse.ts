import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { configSchema, type Config } from "../../pipelines/config/configSchema.ts";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { sql, type Params } from "../../pipelines/db/sql.ts";
import { ingestPath, type IngestReport } from "../../pipelines/ingest/ingestPath.ts";

export function tempDir(prefix = "cw-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testConfig(overrides: Record<string, unknown> = {}): Config {
  return configSchema.parse(overrides);
}

/** Opens a warehouse file, runs fn, closes: each call is a fresh process-like session. */
export function withTestWarehouse<T>(db: string, fn: (conn: DuckDBConnection) => Promise<T>, config = testConfig()): Promise<T> {
  return withWarehouse({ db, warehouse: config.warehouse }, fn);
}

export function ingest(db: string, path: string, config = testConfig()): Promise<IngestReport> {
  return withTestWarehouse(db, (conn) => ingestPath(conn, path, config, { tempDir: join(db, "..", ".tmp") }), config);
}

export async function rows(conn: DuckDBConnection, statement: string, params?: Params): Promise<Record<string, unknown>[]> {
  return sql.query(conn, statement, params);
}

/** Every warehouse table's rows, sorted, as JSON: equal snapshots mean nothing changed. */
export async function snapshot(conn: DuckDBConnection): Promise<Record<string, string>> {
  const tables = (await rows(conn, "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE' order by 1")).map((r) => String(r.table_name));
  const out: Record<string, string> = {};
  for (const t of tables) {
    const data = await rows(conn, `select * from "${t}"`);
    out[t] = JSON.stringify(data.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}
