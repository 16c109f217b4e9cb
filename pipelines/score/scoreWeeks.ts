import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { BundleError } from "../lib/errors.ts";
import { ensureScoreTables } from "./ensureScoreTables.ts";
import { readWeekStatus } from "./readWeekStatus.ts";
import { scoreWeek, type ScoreReport } from "./scoreWeek.ts";

/**
 * Scores the given loaded weeks, oldest first. A week's history is the earlier weeks' features
 * and flags, so every stale week before the last one asked for is scored too, first (the report
 * lists it like the others). A week not loaded fails before anything is scored.
 */
export async function scoreWeeks(
  conn: DuckDBConnection,
  weeks: readonly string[],
  loaded: LoadedConfig,
  log: (line: string) => void = () => {},
): Promise<ScoreReport[]> {
  await ensureScoreTables(conn);
  const status = await readWeekStatus(conn, loaded);
  const known = new Set(status.map((s) => s.week));
  const missing = weeks.filter((w) => !known.has(w));
  if (missing.length > 0) {
    const range = status.length ? `loaded: ${status[0].week} to ${status[status.length - 1].week}` : "no week is loaded";
    throw new BundleError(`week ${missing.join(", ")} is not loaded (${range})`);
  }
  if (weeks.length === 0) return [];
  const last = [...weeks].sort().at(-1)!;
  const staleBefore = status.filter((s) => s.isStale && s.week < last).map((s) => s.week);
  const todo = [...new Set([...weeks, ...staleBefore])].sort();
  const reports: ScoreReport[] = [];
  for (const week of todo) {
    const report = await scoreWeek(conn, week, loaded, log);
    const tiers = Object.entries(report.tiers).map(([tier, n]) => `${n} ${tier}`).join(", ");
    log(`${week}: scored in ${(report.durationMs / 1000).toFixed(1)} s — ${tiers}`);
    for (const note of report.notes) log(`${week}: note: ${note}`);
    reports.push(report);
  }
  return reports;
}
