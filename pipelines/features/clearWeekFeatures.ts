import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

/** Deletes week W's features and their booking: the week then reads as one without features. */
export async function clearWeekFeatures(conn: DuckDBConnection, week: string): Promise<void> {
  await sql.script(conn, "features/schema.sql");
  for (const table of ["feat_member_contact", "feat_member_handset", "feature_weeks"]) {
    await sql.exec(conn, `delete from ${table} where week = $week`, { week });
  }
}
