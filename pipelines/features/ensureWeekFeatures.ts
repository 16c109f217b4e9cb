import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { computeWeekFeatures } from "./computeWeekFeatures.ts";

/**
 * Makes sure week W's features are stored: they are computed when its bundle is loaded; a week
 * loaded before that (an older warehouse) gets them from its records now, once.
 */
export async function ensureWeekFeatures(conn: DuckDBConnection, week: string): Promise<void> {
  await sql.script(conn, "features/schema.sql");
  const [known] = await sql.query<{ n: number }>(conn, "select count(*)::integer as n from feature_weeks where week = $week", { week });
  if (known.n === 0) await computeWeekFeatures(conn, week);
}
