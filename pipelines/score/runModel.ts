import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlText } from "../db/runSqlFile.ts";
import { modelParams } from "./modelParams.ts";
import type { ParamValue } from "./scoreParams.ts";

/** Runs one model file (a single statement) with the parameters it uses; returns its milliseconds. */
export async function runModel(
  conn: DuckDBConnection,
  path: string,
  params: Record<string, ParamValue>,
): Promise<number> {
  const sql = sqlText(path);
  const started = performance.now();
  await conn.run(sql, modelParams(sql, params) as never);
  return performance.now() - started;
}
