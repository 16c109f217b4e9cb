import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { ensureScoreTables } from "./ensureScoreTables.ts";
import { readWeekStatus } from "./readWeekStatus.ts";

/**
 * Loaded weeks whose scores are missing or out of date (another configuration, or a bundle of
 * that week or an earlier one loaded since), oldest first: what `run` re-scores after ingesting.
 */
export async function listStaleWeeks(conn: DuckDBConnection, loaded: LoadedConfig): Promise<string[]> {
  await ensureScoreTables(conn);
  return (await readWeekStatus(conn, loaded)).filter((s) => s.isStale).map((s) => s.week);
}
