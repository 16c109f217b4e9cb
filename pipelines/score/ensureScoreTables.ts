import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

/**
 * Creates the scoring, published and feedback tables if missing (the call list reads what came back
 * on last week's, even before any return was loaded), and the connection's SQL macros (temporary,
 * per connection).
 */
export async function ensureScoreTables(conn: DuckDBConnection): Promise<void> {
  await sql.script(conn, "marts/schema.sql");
  await sql.script(conn, "publish/schema.sql");
  await sql.script(conn, "feedback/schema.sql");
  await sql.script(conn, "macros/severity_level.sql");
  await sql.script(conn, "macros/poisson_z.sql");
  await sql.script(conn, "macros/exact_sum.sql");
}
