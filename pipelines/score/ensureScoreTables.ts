import type { DuckDBConnection } from "@duckdb/node-api";
import { runSqlFile } from "../db/runSqlFile.ts";

/** Creates the scoring tables if missing and the connection's SQL macros (temporary, per connection). */
export async function ensureScoreTables(conn: DuckDBConnection): Promise<void> {
  await runSqlFile(conn, "marts/schema.sql");
  await runSqlFile(conn, "macros/severity_level.sql");
  await runSqlFile(conn, "macros/poisson_z.sql");
}
