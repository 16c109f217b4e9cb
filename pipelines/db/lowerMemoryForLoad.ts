import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sizeBytes } from "../config/sizeBytes.ts";
import { sql } from "./sql.ts";

/**
 * Holds DuckDB to `warehouse.loadMemoryLimit` while a bundle's files are read, checked and stored,
 * and returns what gives `memoryLimit` back: for the week's features, aggregated right after from
 * the stored records (a city week's took 30 s on average under 1GB, 24-26 s under 2GB, in the
 * bench runs of 3 December), and for whatever the command does next. Calling it again does
 * nothing. A load limit at or above memoryLimit changes nothing: memoryLimit is the most any
 * command may use.
 */
export async function lowerMemoryForLoad(
  conn: DuckDBConnection,
  warehouse: Config["warehouse"],
): Promise<() => Promise<void>> {
  if (sizeBytes(warehouse.loadMemoryLimit) >= sizeBytes(warehouse.memoryLimit)) return async () => {};
  await sql.exec(conn, "set memory_limit = $limit", { limit: warehouse.loadMemoryLimit });
  let lowered = true;
  return async () => {
    if (!lowered) return;
    lowered = false;
    await sql.exec(conn, "set memory_limit = $limit", { limit: warehouse.memoryLimit });
  };
}
