/** A moment as UTC, "YYYY-MM-DD HH:MM:SS", with milliseconds when asked: as DuckDB reads a timestamp. */
export function utcTime(date: Date, withMs = false): string {
  return date.toISOString().replace("T", " ").slice(0, withMs ? 23 : 19);
}
