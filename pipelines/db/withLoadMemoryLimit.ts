import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sizeBytes } from "../config/sizeBytes.ts";
import { sql } from "./sql.ts";

/**
 * Runs `fn` (loading bundles) with DuckDB held to `warehouse.loadMemoryLimit`, then gives the rest
 * of the command (the weekly job scores next, in the same process) `warehouse.memoryLimit` back,
 * also when `fn` throws. A load limit at or above memoryLimit changes nothing: memoryLimit is the
 * most any command may use.
 */
export async function withLoadMemoryLimit<T>(
  conn: DuckDBConnection,
  warehouse: Config["warehouse"],
  fn: () => Promise<T>,
): Promise<T> {
  if (sizeBytes(warehouse.loadMemoryLimit) >= sizeBytes(warehouse.memoryLimit)) return fn();
  await sql.exec(conn, "set memory_limit = $limit", { limit: warehouse.loadMemoryLimit });
  try {
    return await fn();
  } finally {
    await sql.exec(conn, "set memory_limit = $limit", { limit: warehouse.memoryLimit });
  }
}
