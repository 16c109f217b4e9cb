import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "./sql.ts";

/** The file of the warehouse a connection is open on (':memory:' for an in-memory one). */
export async function warehousePath(conn: DuckDBConnection): Promise<string> {
  const [row] = await sql.query<{ path: string | null }>(
    conn,
    "select path from duckdb_databases() where database_name = current_database()",
  );
  return row?.path ?? ":memory:";
}
