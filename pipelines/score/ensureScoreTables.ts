import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

/** Creates the scoring and published tables if missing, and the connection's SQL macros (temporary, per connection). */
export async function ensureScoreTables(conn: DuckDBConnection): Promise<void> {
  await sql.script(conn, "marts/schema.sql");
  await sql.script(conn, "publish/schema.sql");
  await sql.script(conn, "macros/severity_level.sql");
  await sql.script(conn, "macros/poisson_z.sql");
}
