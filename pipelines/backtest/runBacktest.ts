import { randomUUID } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import type { BacktestConfig } from "../config/backtestConfig.ts";
import { sql } from "../db/sql.ts";
import { beijingTime } from "../lib/beijingTime.ts";
import { backtestSubjects } from "./backtestSubjects.ts";
import { listScoredWeeks } from "./listScoredWeeks.ts";

export interface BacktestOptions {
  /** First and last scored week whose warnings are judged (default: every scored week). */
  from?: string;
  to?: string;
  /** Overrides backtest.horizonWeeks (`--horizon`). */
  horizonWeeks?: number;
  log?: (line: string) => void;
}

export interface BacktestReport {
  runId: string;
  /** Local time (Asia/Shanghai), as the extract's times. */
  runAt: string;
  horizonWeeks: number;
  /** Scored weeks judged, and of them those counted (W+H loaded) and those still waiting. */
  weeksEvaluated: string[];
  weeksComplete: string[];
  weeksIncomplete: string[];
  configHash: string;
  /** config_hash of the judged scores; more than one means weeks scored under other settings. */
  scoresConfigHashes: string[];
  /** Warned group-weeks (complete horizons, any churn) by follow-up: how many, how many churned. */
  followUp: Record<string, { warnedGroups: number; churned: number }>;
  durationMs: number;
}

/** The models of one run, in order: calendar, labels, warnings, then the stored tables. */
const MODELS = [
  "backtest/bt_weeks.sql",
  "backtest/bt_churn_labels.sql",
  "backtest/bt_listed.sql",
  "backtest/bt_member_churn.sql",
  "backtest/bt_group_sizes.sql",
  "backtest/bt_group_labels.sql",
  "backtest/bt_base.sql",
  "backtest/bt_predictions.sql",
  "backtest/bt_outcomes.sql",
  "backtest/bt_follow_up.sql",
  "backtest/backtest_weeks.sql",
  "backtest/backtest_results.sql",
  "backtest/backtest_gains.sql",
  "backtest/backtest_follow_up.sql",
] as const;

/** The models' temporary tables and view, dependents first: dropped after every run to free memory. */
const CLEAN_UP = [
  "drop table if exists bt_follow_up",
  "drop table if exists bt_outcomes",
  "drop table if exists bt_predictions",
  "drop table if exists bt_base",
  "drop table if exists bt_group_labels",
  "drop table if exists bt_group_sizes",
  "drop table if exists bt_member_churn",
  "drop view if exists bt_listed",
  "drop view if exists bt_churn_labels",
  "drop table if exists bt_weeks",
] as const;

interface WeekRow {
  week: string;
  horizon_complete: boolean;
}

/**
 * Do the warnings predict churn? Judges the stored warnings of the scored weeks against what
 * members and groups did in the following weeks, and replaces backtest_results, backtest_gains
 * and backtest_weeks with this run's figures (one transaction; call it outside any open one),
 * logging the run in backtest_runs. Meant for the weekly `run` to call after scoring; README "Backtest"
 * defines labels and metrics.
 */
export async function runBacktest(
  conn: DuckDBConnection,
  loaded: LoadedConfig,
  options: BacktestOptions = {},
): Promise<BacktestReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const settings: BacktestConfig = {
    ...loaded.config.backtest,
    horizonWeeks: options.horizonWeeks ?? loaded.config.backtest.horizonWeeks,
  };
  const scored = await listScoredWeeks(conn);
  const runId = randomUUID();
  const runAt = beijingTime(new Date(), true);
  const params = {
    run_id: runId,
    run_at: runAt,
    config_hash: loaded.hash,
    // No scored week: an empty range, so the run is recorded with nothing judged.
    from_week: options.from ?? scored[0] ?? "",
    to_week: options.to ?? scored.at(-1) ?? "",
    horizon_weeks: settings.horizonWeeks,
    group_churn_share: settings.groupChurnShare,
    group_churn_all_key_persons: settings.groupChurnAllKeyPersons,
    top_percent: settings.topPercent,
    gains_step_percent: settings.gainsStepPercent,
    signal_codes: JSON.stringify(backtestSubjects.signals),
    dual_phone_models: JSON.stringify(backtestSubjects.dualPhoneModels),
    tiers: JSON.stringify(backtestSubjects.tiers),
    settings: JSON.stringify(settings),
  };

  await sql.exec(conn, "begin transaction");
  try {
    await sql.script(conn, "backtest/schema.sql");
    for (const file of MODELS) await sql.run(conn, file, params);
    const weeks = await sql.query<WeekRow>(conn, "select week, horizon_complete from bt_weeks where is_evaluated order by week");
    const followUpRows = await sql.query<{ follow_up: string; warned: number; churned: number }>(conn,
      `select follow_up, sum(warned_groups)::integer as warned, sum(churned)::integer as churned
       from backtest_follow_up where run_id = $run_id and label = 'any_churn' group by follow_up order by follow_up`, { run_id: runId });
    const followUp = Object.fromEntries(followUpRows.map((r) => [r.follow_up, { warnedGroups: r.warned, churned: r.churned }]));
    const durationMs = Math.round(performance.now() - started);
    await sql.run(conn, "backtest/backtest_runs.sql", { ...params, duration_ms: durationMs });
    const [hashes] = await sql.query<{ scores_config_hashes: string }>(conn, "select scores_config_hashes from backtest_runs where run_id = $run_id", { run_id: runId });
    await sql.exec(conn, "commit");
    const report: BacktestReport = {
      runId,
      runAt,
      horizonWeeks: settings.horizonWeeks,
      weeksEvaluated: weeks.map((w) => w.week),
      weeksComplete: weeks.filter((w) => w.horizon_complete).map((w) => w.week),
      weeksIncomplete: weeks.filter((w) => !w.horizon_complete).map((w) => w.week),
      configHash: loaded.hash,
      scoresConfigHashes: String(hashes.scores_config_hashes).split(";").filter(Boolean),
      followUp,
      durationMs,
    };
    const share = (f?: { warnedGroups: number; churned: number }) => (f ? `${f.churned} of ${f.warnedGroups} churned` : "none");
    log(`backtest: warned groups reached ${share(followUp.reached)}; not reached ${share(followUp.not_reached)}; no return ${share(followUp.no_return)}`);
    log(`backtest: ${report.weeksEvaluated.length} scored week(s), ${report.weeksComplete.length} with a complete ${settings.horizonWeeks}-week horizon, ${report.weeksIncomplete.length} waiting (${(durationMs / 1000).toFixed(1)} s)`);
    return report;
  } catch (e) {
    await sql.exec(conn, "rollback");
    throw e;
  } finally {
    for (const statement of CLEAN_UP) await sql.exec(conn, statement);
  }
}
