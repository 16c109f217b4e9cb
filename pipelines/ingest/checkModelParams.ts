/**
 * The parameters a check model uses, out of those the loader knows: DuckDB refuses a prepared
 * statement given a parameter it does not mention, and only the cdr check needs the week's bounds.
 */
export function checkModelParams(sql: string, known: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(known).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}
