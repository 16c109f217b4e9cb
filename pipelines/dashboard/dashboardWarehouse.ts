import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { configSchema } from "../config/configSchema.ts";
import { sql, type Params } from "../db/sql.ts";

/** The repository root: loaders run with whatever working folder Framework gives them. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The warehouse the dashboard reads: env CHURNWATCH_DB, else data/churnwatch.duckdb (as the CLI). */
export function dashboardDb(): string {
  return resolve(REPO_ROOT, process.env.CHURNWATCH_DB || "data/churnwatch.duckdb");
}

export interface DashboardQuery {
  conn: DuckDBConnection;
  db: string;
  /** Runs pipelines/sql/dashboard/<name>.sql with the parameters it names; columns as JS arrays. */
  columns(name: string, params?: Params): Promise<Record<string, unknown[]>>;
  /** The same, as row objects (JSON-safe values: dates and big integers as strings/numbers). */
  rows<T extends object = Record<string, unknown>>(name: string, params?: Params): Promise<T[]>;
  /** Runs a statement file (e.g. one that creates a temp table the next queries read). */
  exec(name: string, params?: Params): Promise<void>;
  /** Whether a table exists (the scoring and backtest tables arrive after the raw ones). */
  hasTable(table: string): Promise<boolean>;
}

const model = (name: string) => `dashboard/${name}.sql`;

/**
 * Opens the warehouse read-only, hands `fn` a query helper, and always closes it. Read-only, not
 * pipelines/db/withWarehouse.ts: Framework's preview runs several loaders at once, which a write
 * lock would refuse, and a dashboard must never create or alter the warehouse (a missing file is
 * an error here, not an empty new warehouse). The scoring configuration is the warehouse's own
 * (scoredConfig.ts), so the open settings are the schema's defaults: a loader reads a few
 * published tables and needs no tuning.
 */
export async function withDashboardWarehouse<T>(fn: (q: DashboardQuery) => Promise<T>): Promise<T> {
  const db = dashboardDb();
  if (!existsSync(db)) throw new Error(`warehouse ${db} not found: run \`churnwatch run\` (or set CHURNWATCH_DB)`);
  const warehouse = configSchema.parse({}).warehouse;
  const instance = await DuckDBInstance.create(db, {
    access_mode: "READ_ONLY",
    memory_limit: warehouse.memoryLimit,
    ...(warehouse.threads ? { threads: String(warehouse.threads) } : {}),
  });
  const conn = await instance.connect();
  try {
    return await fn({
      conn,
      db,
      columns: (name, params) => sql.columns(conn, model(name), params),
      rows: (name, params) => sql.rows(conn, model(name), params),
      exec: async (name, params) => {
        await sql.run(conn, model(name), params);
      },
      hasTable: async (table) => {
        const [row] = await sql.query<{ n: number }>(
          conn,
          "select count(*)::integer as n from information_schema.tables where table_name = $table",
          { table },
        );
        return row.n > 0;
      },
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
