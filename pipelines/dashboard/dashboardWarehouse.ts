import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { configSchema } from "../config/configSchema.ts";
import { configHash, loadConfig, type LoadedConfig } from "../config/loadConfig.ts";
import { sqlText } from "../db/runSqlFile.ts";
import { modelParams } from "../score/modelParams.ts";
import type { ParamValue } from "../score/scoreParams.ts";

/** The repository root: loaders run with whatever working folder Framework gives them. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The warehouse the dashboard reads: env CHURNWATCH_DB, else data/churnwatch.duckdb (as the CLI). */
export function dashboardDb(): string {
  return resolve(REPO_ROOT, process.env.CHURNWATCH_DB || "data/churnwatch.duckdb");
}

/** Environment variable by which refreshDashboard hands the loaders the effective configuration. */
export const CONFIG_JSON_ENV = "CHURNWATCH_CONFIG_JSON";

/**
 * The configuration in force: the one refreshDashboard was given (env CHURNWATCH_CONFIG_JSON),
 * else the file in env CHURNWATCH_CONFIG, else the defaults.
 */
export function dashboardConfig(): LoadedConfig {
  const inline = process.env[CONFIG_JSON_ENV];
  if (inline) {
    const config = configSchema.parse(JSON.parse(inline));
    return { config, hash: configHash(config) };
  }
  return loadConfig(process.env.CHURNWATCH_CONFIG || undefined);
}

export interface DashboardQuery {
  conn: DuckDBConnection;
  db: string;
  loaded: LoadedConfig;
  /** Runs pipelines/sql/dashboard/<name>.sql with the parameters it names; columns as JS arrays. */
  columns(name: string, params?: Record<string, ParamValue>): Promise<Record<string, unknown[]>>;
  /** The same, as row objects (JSON-safe values: dates and big integers as strings/numbers). */
  rows<T = Record<string, unknown>>(name: string, params?: Record<string, ParamValue>): Promise<T[]>;
  /** Runs a statement file (e.g. one that creates a temp table the next queries read). */
  exec(name: string, params?: Record<string, ParamValue>): Promise<void>;
  /** Whether a table exists (the scoring and backtest tables arrive after the raw ones). */
  hasTable(table: string): Promise<boolean>;
}

/**
 * Opens the warehouse read-only, hands `fn` a query helper, and always closes it. Read-only, not
 * pipelines/db/withWarehouse.ts: Framework's preview runs several loaders at once, which a write
 * lock would refuse, and a dashboard must never create or alter the warehouse (a missing file is
 * an error here, not an empty new warehouse).
 */
export async function withDashboardWarehouse<T>(fn: (q: DashboardQuery) => Promise<T>): Promise<T> {
  const db = dashboardDb();
  if (!existsSync(db)) throw new Error(`warehouse ${db} not found: run \`churnwatch run\` (or set CHURNWATCH_DB)`);
  const loaded = dashboardConfig();
  const instance = await DuckDBInstance.create(db, {
    access_mode: "READ_ONLY",
    memory_limit: loaded.config.warehouse.memoryLimit,
    ...(loaded.config.warehouse.threads ? { threads: String(loaded.config.warehouse.threads) } : {}),
  });
  const conn = await instance.connect();
  const run = async (name: string, params: Record<string, ParamValue> = {}) => {
    const sql = sqlText(`dashboard/${name}.sql`);
    return conn.runAndReadAll(sql, modelParams(sql, params) as never);
  };
  try {
    return await fn({
      conn,
      db,
      loaded,
      columns: async (name, params) => (await run(name, params)).getColumnsObjectJS() as Record<string, unknown[]>,
      rows: async <R>(name: string, params?: Record<string, ParamValue>) => (await run(name, params)).getRowObjectsJson() as R[],
      exec: async (name, params) => {
        await run(name, params);
      },
      hasTable: async (table) => {
        const reader = await conn.runAndReadAll(
          "select count(*)::integer as n from information_schema.tables where table_name = $table",
          { table } as never,
        );
        return Number(reader.getRowObjectsJson()[0].n) > 0;
      },
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
