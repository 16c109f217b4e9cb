import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sql } from "../db/sql.ts";

/**
 * Drops the raw usage records of weeks beyond warehouse.rawCdrRetentionWeeks (their features stay),
 * so the warehouse stops growing with calls. Returns the records deleted.
 */
export async function pruneRawCdr(conn: DuckDBConnection, config: Config): Promise<number> {
  const retention = config.warehouse.rawCdrRetentionWeeks;
  if (retention === null) return 0;
  await sql.script(conn, "features/schema.sql");
  return (await sql.run(conn, "features/prune_raw_cdr.sql", { retention_weeks: retention })).rowsChanged;
}
