import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

/**
 * Computes week W's features from its loaded records (feat_member_contact, feat_member_handset)
 * and books them in feature_weeks, replacing what the week had — inside the caller's transaction:
 * the bundle's when it is loaded, or scoring's for a week loaded before features were kept.
 */
export async function computeWeekFeatures(conn: DuckDBConnection, week: string): Promise<void> {
  await sql.script(conn, "features/schema.sql");
  for (const table of ["feat_member_contact", "feat_member_handset", "feature_weeks"]) {
    await sql.exec(conn, `delete from ${table} where week = $week`, { week });
  }
  await sql.run(conn, "features/feat_member_contact.sql", { week });
  await sql.run(conn, "features/feat_member_handset.sql", { week });
  await sql.run(conn, "features/feature_weeks.sql", { week, source: "raw_cdr", computed_at: new Date().toISOString().replace("T", " ").slice(0, 23) });
}
