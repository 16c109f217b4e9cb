import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlText } from "../db/runSqlFile.ts";
import { modelParams } from "./modelParams.ts";
import type { ParamValue } from "./scoreParams.ts";

/** Runs one query file with the parameters it uses and returns its rows as plain objects. */
export async function readModel<T>(
  conn: DuckDBConnection,
  path: string,
  params: Record<string, ParamValue>,
): Promise<T[]> {
  const sql = sqlText(path);
  const reader = await conn.runAndReadAll(sql, modelParams(sql, params) as never);
  return reader.getRowObjectsJson() as T[];
}
