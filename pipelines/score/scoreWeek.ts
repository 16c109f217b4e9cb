import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { sql } from "../db/sql.ts";
import { weekContext } from "./weekContext.ts";
import { runStep, stepName, weekStages, weekTables, type StageName, type StageStep } from "./weekStages.ts";

export interface ScoreReport {
  week: string;
  configHash: string;
  inputsFingerprint: string;
  /** Local time (Asia/Shanghai), as the extract's times. */
  scoredAt: string;
  durationMs: number;
  /** Milliseconds per stage (staging, features, baselines, signals, scores, publish, write). */
  timingsMs: Record<StageName | "write", number>;
  /** Milliseconds per step (model file, or code step by name). */
  modelTimingsMs: Record<string, number>;
  /** Members flagged per signal code; groups per signal code; groups per tier. */
  memberSignals: Record<string, number>;
  groupSignals: Record<string, number>;
  tiers: Record<string, number>;
  populationTrend: Record<string, number | null>;
  /** What could not be judged, and why (never an invented baseline). */
  notes: string[];
}

interface Summary {
  member_signals: string;
  group_signals: string;
  tiers: string;
  population_trend: string;
  notes: string[];
}

/**
 * Scores one loaded week: every stage of weekStages, then its score_runs row, replacing whatever
 * the week had, in one transaction — the published layer included, so what pages and exports read
 * is always one week's one result. Reads nothing after the week; needs the earlier weeks scored
 * (their features and flags are its history): scoreWeeks sees to that.
 */
export async function scoreWeek(
  conn: DuckDBConnection,
  week: string,
  loaded: LoadedConfig,
  log: (line: string) => void = () => {},
): Promise<ScoreReport> {
  const started = performance.now();
  const ctx = await weekContext(conn, week, loaded);
  const { status, scoredAt, params } = ctx;
  const tables = weekTables();
  const timingsMs = Object.fromEntries([...weekStages.map((s) => [s.stage, 0]), ["write", 0]]) as ScoreReport["timingsMs"];
  const modelTimingsMs: Record<string, number> = {};

  try {
    return await sql.transaction(conn, async () => {
      for (const table of tables.kept) await sql.exec(conn, `delete from ${table} where week = $week`, { week });
      for (const { stage, steps } of weekStages) {
        for (const step of steps as readonly StageStep[]) {
          const ms = await runStep(step, ctx);
          modelTimingsMs[stepName(step)] = Math.round(ms);
          timingsMs[stage] += ms;
        }
        log(`${week}: ${stage} ${(timingsMs[stage] / 1000).toFixed(1)} s`);
      }

      const writeStarted = performance.now();
      const [summary] = await sql.rows<Summary>(conn, "marts/score_summary.sql", params);
      const report: ScoreReport = {
        week,
        configHash: loaded.hash,
        inputsFingerprint: status.inputsFingerprint,
        scoredAt,
        durationMs: 0,
        timingsMs,
        modelTimingsMs,
        memberSignals: JSON.parse(summary.member_signals),
        groupSignals: JSON.parse(summary.group_signals),
        tiers: JSON.parse(summary.tiers),
        populationTrend: JSON.parse(summary.population_trend),
        notes: summary.notes,
      };
      timingsMs.write = performance.now() - writeStarted;
      report.durationMs = Math.round(performance.now() - started);
      for (const key of Object.keys(timingsMs) as Array<keyof typeof timingsMs>) timingsMs[key] = Math.round(timingsMs[key]);
      // The week's configuration itself, not only its hash: the dashboard shows the thresholds the
      // week was scored with, read from here rather than from whatever file is in force today.
      await sql.run(conn, "marts/score_runs.sql", {
        ...params,
        duration_ms: report.durationMs,
        report: JSON.stringify(report),
        config: JSON.stringify(loaded.config),
      });
      return report;
    });
  } finally {
    // The week's scratch tables (the record roll-up is the largest): freed before the next week.
    for (const { kind, name } of [...tables.temporary].reverse()) await sql.exec(conn, `drop ${kind} if exists ${name}`);
  }
}
