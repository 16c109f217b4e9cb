import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { utcTime } from "../lib/utcTime.ts";
import { clearWeekFeatures } from "./clearWeekFeatures.ts";

/**
 * Computes week W's features from its loaded records (feat_member_contact, feat_member_handset)
 * and books them in feature_weeks, replacing what the week had — inside the caller's transaction:
 * its own, right after the bundle's commits, or scoring's for a week that has none yet.
 */
export async function computeWeekFeatures(conn: DuckDBConnection, week: string): Promise<void> {
  await clearWeekFeatures(conn, week);
  await sql.run(conn, "features/feat_member_contact.sql", { week });
  await sql.run(conn, "features/feat_member_handset.sql", { week });
  await sql.run(conn, "features/feature_weeks.sql", { week, source: "raw_cdr", computed_at: utcTime(new Date(), true) });
}
