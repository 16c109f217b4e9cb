import type { ParamValue } from "./scoreParams.ts";

/**
 * The parameters a model uses, out of all the run knows: DuckDB refuses a prepared statement given
 * a parameter it does not use. Comments (where models name the settings they explain) don't count.
 */
export function modelParams(sql: string, known: Record<string, ParamValue>): Record<string, ParamValue> {
  const code = sql.replace(/--[^\n]*/g, "");
  return Object.fromEntries(Object.entries(known).filter(([name]) => new RegExp(`\\$${name}\\b`).test(code)));
}
