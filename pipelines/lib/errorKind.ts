/**
 * What kind of error this is, in words that hold no value from the data: DuckDB's error class
 * ("Invalid Input Error", "Out of Memory Error"), a system error code (ENOSPC), or the JS class.
 * DuckDB's own message can quote a CSV line or a value, so it never reaches a log (privacy.md).
 */
export function errorKind(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const duckdb = /^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* Error):/.exec(message);
  if (duckdb) return duckdb[1];
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && /^[A-Z0-9_]+$/.test(code)) return code;
  return e instanceof Error ? e.name : "error";
}
