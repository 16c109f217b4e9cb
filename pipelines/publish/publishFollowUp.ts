import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

/**
 * Rewrites pub_call_follow_up for a week: each line of its published list with the latest return
 * for it. Called when the week's list is built and when a return for it is loaded, inside the
 * caller's transaction when it has one.
 */
export async function publishFollowUp(conn: DuckDBConnection, week: string): Promise<void> {
  await sql.exec(conn, "delete from pub_call_follow_up where week = $week", { week });
  await sql.run(conn, "publish/pub_call_follow_up.sql", { week });
}
