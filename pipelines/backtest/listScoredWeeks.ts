import type { DuckDBConnection } from "@duckdb/node-api";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";

/** Every week with stored scores, oldest first: what the backtest can judge. */
export async function listScoredWeeks(conn: DuckDBConnection): Promise<string[]> {
  await ensureScoreTables(conn);
  const reader = await conn.runAndReadAll("select distinct week from score_runs order by week");
  return reader.getRowObjectsJson().map((r) => String(r.week));
}
