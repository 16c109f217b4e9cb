import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { BundleError } from "../lib/errors.ts";
import { readModel } from "./readModel.ts";
import { readWeekStatus } from "./readWeekStatus.ts";
import { runModel } from "./runModel.ts";
import { scoreModels, SCORED_TABLES, type ScoreLayer } from "./scoreModels.ts";
import { scoreParams } from "./scoreParams.ts";

export interface ScoreReport {
  week: string;
  configHash: string;
  inputsFingerprint: string;
  /** Local time (Asia/Shanghai), as the extract's times. */
  scoredAt: string;
  durationMs: number;
  /** Milliseconds per layer (staging, features, baselines, signals, scores, write). */
  timingsMs: Record<ScoreLayer | "write", number>;
  /** Milliseconds per model file. */
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

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Scores one loaded week: features, baselines, signals, scores, and its score_runs row, replacing
 * whatever the week had, in one transaction. Reads nothing after the week; needs the earlier
 * weeks scored (their features and flags are its history): scoreWeeks sees to that.
 */
export async function scoreWeek(
  conn: DuckDBConnection,
  week: string,
  loaded: LoadedConfig,
  log: (line: string) => void = () => {},
): Promise<ScoreReport> {
  const started = performance.now();
  const status = (await readWeekStatus(conn, loaded)).find((s) => s.week === week);
  if (!status) throw new BundleError(`week ${week} is not loaded: ingest its bundle first`);
  const scoredAt = new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().replace("T", " ").slice(0, 23);
  const params = {
    ...scoreParams(loaded.config),
    week,
    config_hash: loaded.hash,
    inputs_fingerprint: status.inputsFingerprint,
    scored_at: scoredAt,
  };
  const timingsMs = { staging: 0, features: 0, baselines: 0, signals: 0, scores: 0, write: 0 };
  const modelTimingsMs: Record<string, number> = {};

  await conn.run("begin transaction");
  try {
    for (const table of SCORED_TABLES) await conn.run(`delete from ${table} where week = $week`, { week });
    for (const [layer, files] of Object.entries(scoreModels) as Array<[ScoreLayer, readonly string[]]>) {
      for (const file of files) {
        const ms = await runModel(conn, file, params);
        modelTimingsMs[file] = Math.round(ms);
        timingsMs[layer] += ms;
      }
      log(`${week}: ${layer} ${(timingsMs[layer] / 1000).toFixed(1)} s`);
    }
    // The week's record roll-up is the largest temporary table: free it before the next week.
    await conn.run("drop table if exists int_cdr_week_rollup");

    const writeStarted = performance.now();
    const [summary] = await readModel<Summary>(conn, "marts/score_summary.sql", params);
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
    for (const layer of Object.keys(timingsMs) as Array<keyof typeof timingsMs>) timingsMs[layer] = Math.round(timingsMs[layer]);
    await runModel(conn, "marts/score_runs.sql", { ...params, duration_ms: report.durationMs, report: JSON.stringify(report) });
    await conn.run("commit");
    return report;
  } catch (e) {
    await conn.run("rollback");
    throw e;
  }
}
