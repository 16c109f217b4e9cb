import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection } from "@duckdb/node-api";

const SQL_ROOT = fileURLToPath(new URL("../sql/", import.meta.url));
const cache = new Map<string, string>();

/** Text of a model under pipelines/sql (e.g. 'staging/stg_cdr.sql'). */
export function sqlText(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(SQL_ROOT + relativePath, "utf8");
    cache.set(relativePath, text);
  }
  return text;
}

/** Runs a .sql file of one or more statements; parameters only for single-statement files. */
export async function runSqlFile(
  conn: DuckDBConnection,
  relativePath: string,
  params?: Record<string, unknown>,
): Promise<void> {
  await conn.run(sqlText(relativePath), params as never);
}
