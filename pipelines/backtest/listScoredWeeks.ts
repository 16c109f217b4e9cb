import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";

/** Every week with stored scores, oldest first: what the backtest can judge. */
export async function listScoredWeeks(conn: DuckDBConnection): Promise<string[]> {
  await ensureScoreTables(conn);
  return (await sql.query<{ week: string }>(conn, "select distinct week from score_runs order by week")).map((r) => r.week);
}
