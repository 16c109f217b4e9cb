import { mkdirSync, chmodSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sql } from "./sql.ts";
import { warehouseInUse } from "./warehouseInUse.ts";

export interface WarehouseOptions {
  /** Database file; ':memory:' for throw-away work. */
  db: string;
  warehouse: Config["warehouse"];
}

/**
 * Opens the warehouse, makes sure its loaded tables exist, hands a connection to `fn`, and always
 * closes it. The file and its folder are owner-only (privacy.md): raw numbers are stored in it.
 */
export async function withWarehouse<T>(
  options: WarehouseOptions,
  fn: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const inMemory = options.db === ":memory:";
  if (!inMemory) {
    mkdirSync(dirname(options.db), { recursive: true, mode: 0o700 });
  }
  const settings: Record<string, string> = {
    memory_limit: options.warehouse.memoryLimit,
    checkpoint_threshold: options.warehouse.checkpointThreshold,
    max_vacuum_tasks: String(options.warehouse.maxVacuumTasks),
    // The loader maps each CSV record to its line through insertion order.
    preserve_insertion_order: "true",
  };
  if (options.warehouse.threads) settings.threads = String(options.warehouse.threads);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.db, settings);
  } catch (e) {
    throw warehouseInUse(e, options.db) ?? e;
  }
  if (!inMemory && existsSync(options.db)) chmodSync(options.db, 0o600);
  const conn = await instance.connect();
  try {
    await sql.script(conn, "raw/schema.sql");
    return await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
