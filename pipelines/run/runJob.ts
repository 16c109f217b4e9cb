import { existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { ingestPath, type IngestReport } from "../ingest/ingestPath.ts";
import { listStaleWeeks } from "../score/listStaleWeeks.ts";
import { scoreWeeks } from "../score/scoreWeeks.ts";
import { readWeekStatus } from "../score/readWeekStatus.ts";
import type { ExportResult } from "../export/exportWeek.ts";
import { exportWeeks, type SampleManagers } from "./exportWeeks.ts";
import { suggestedActions } from "../export/suggestedActions.ts";
import { acquireRunLock } from "./acquireRunLock.ts";
import { assertWritableFolder } from "../lib/assertWritableFolder.ts";
import { completeBundles } from "./completeBundles.ts";
import { runLockPath } from "./runLockPath.ts";
import { refreshDashboard } from "../dashboard/refreshDashboard.ts";
import { runBacktest } from "../backtest/runBacktest.ts";
import { pruneRawCdr } from "../features/pruneRawCdr.ts";
import type { Progress } from "./progressReporter.ts";

export interface RunOptions {
  /** A bundle folder or an extracts root. */
  path: string;
  db: string;
  /** DIR: the latest week's files go to DIR/<week>/. */
  outDir: string;
  loaded: LoadedConfig;
  command: "run" | "start";
  progress: Progress;
  /** Rebuild the dashboard when something changed (default true; `run --no-dashboard` turns it off). */
  dashboard?: boolean;
  /** `start` on the sample: its managers answer each list (README "Feedback"). */
  sampleManagers?: SampleManagers;
}

/** The `--json` report of a run; counts, names, weeks and messages only (no personal value). */
export interface RunReport {
  command: "run" | "start";
  /** done: something changed; nothing_new: every output already up to date; failed: see bundles/weeks. */
  outcome: "done" | "nothing_new" | "failed";
  exitCode: 0 | 1;
  ingest: IngestReport;
  weeksScored: string[];
  weeksFailed: Array<{ week: string; message: string }>;
  /** The latest week exported (every week scored in this run is exported, oldest first). */
  export: (Omit<ExportResult, "files"> & { files: number }) | null;
  weeksExported: string[];
  /** Returned call lists loaded before the exports: files loaded, unchanged, refused. */
  feedback: { loaded: number; unchanged: number; refused: number };
  exportSkipped: string | null;
  /** refreshed; unchanged: nothing changed; off: --no-dashboard; failed: see message (exit 1). */
  dashboard: { outcome: "refreshed" | "unchanged" | "off" | "failed"; durationMs: number; message?: string };
  /** done: re-judged after new scores (weeks counted of those judged); skipped: nothing scored; failed: see message (exit 1). */
  backtest: { outcome: "done" | "skipped" | "failed"; weeksComplete?: number; weeksEvaluated?: number; message?: string };
  durationsMs: Record<string, number>;
}

async function scoreStale(conn: DuckDBConnection, options: RunOptions, report: RunReport): Promise<void> {
  const { progress } = options;
  const stale = await listStaleWeeks(conn, options.loaded);
  progress.stage(2, "score", stale.length ? `${stale.length} week(s) to score: ${stale.join(", ")}` : "every week up to date");
  // One week at a time, oldest first, for the progress bar; a week that fails stops the ones after
  // it, which would take their history from it.
  for (const week of stale) {
    progress.tick(report.weeksScored.length, stale.length, week);
    try {
      for (const r of await scoreWeeks(conn, [week], options.loaded, progress.log)) {
        if (!report.weeksScored.includes(r.week)) report.weeksScored.push(r.week);
      }
    } catch (e) {
      report.weeksFailed.push({ week, message: (e as Error).message });
      progress.log(`${week}: scoring failed — ${(e as Error).message}`);
      break;
    }
  }
  progress.tick(report.weeksScored.length, stale.length);
  progress.done();
}

/**
 * The weekly job, under the run lock: ingest what is new under `path`, re-score every stale week
 * (new, re-delivered, or after an earlier late bundle or a configuration change), export the latest
 * scored week to DIR/<week>, refresh the dashboard's data. A failed bundle is reported (exit 1) and
 * the rest goes on; a failed week stops scoring and skips the export, so the previous outputs stay.
 * Nothing new: no output file is touched and the dashboard is not rebuilt.
 */
export async function runJob(options: RunOptions): Promise<RunReport> {
  const { progress, loaded } = options;
  // A wording table that cannot be used, or an output folder that cannot be written, would fail the
  // export after an hour of loading and scoring: check first.
  suggestedActions(loaded.config.export);
  assertWritableFolder(options.outDir, "--out");
  const release = acquireRunLock(runLockPath(options.db, options.outDir), options.command);
  const report: RunReport = {
    command: options.command, outcome: "done", exitCode: 0, ingest: { bundles: [], skipped: [], durationMs: 0 },
    weeksScored: [], weeksFailed: [], export: null, weeksExported: [], feedback: { loaded: 0, unchanged: 0, refused: 0 }, exportSkipped: null,
    dashboard: { outcome: "unchanged", durationMs: 0 }, backtest: { outcome: "skipped" }, durationsMs: {},
  };
  try {
    await withWarehouse({ db: options.db, warehouse: loaded.config.warehouse }, async (conn) => {
      const total = completeBundles(options.path);
      progress.stage(1, "ingest", `${options.path} (${total} complete bundle${total === 1 ? "" : "s"})`);
      let seen = 0;
      report.ingest = await ingestPath(conn, options.path, loaded.config, {
        tempDir: join(options.db === ":memory:" ? options.outDir : dirname(options.db), ".tmp"),
        log: (line) => {
          progress.log(line);
          // ingestPath ends each bundle with '<bundle>: <outcome> ...'
          if (/^[^:/]+: (loaded|replaced|unchanged|failed)\b/.test(line)) progress.tick(++seen, total);
        },
      });
      progress.done();
      report.durationsMs.ingest = report.ingest.durationMs;

      const pruned = await pruneRawCdr(conn, loaded.config);
      if (pruned > 0) progress.log(`raw usage records older than ${loaded.config.warehouse.rawCdrRetentionWeeks} weeks dropped: ${pruned} (their features are kept)`);

      const scoreStarted = Date.now();
      await scoreStale(conn, options, report);
      report.durationsMs.score = Date.now() - scoreStarted;

      if (report.weeksFailed.length > 0) {
        report.exportSkipped = `week ${report.weeksFailed[0].week} failed to score: previous outputs kept`;
      } else if (!(await readWeekStatus(conn, loaded)).some((s) => s.scoredAt !== null)) {
        report.exportSkipped = "no week is scored yet";
      }
      if (report.exportSkipped) {
        progress.stage(3, "export", `skipped, ${report.exportSkipped}`);
        return;
      }
      // Every week scored now, oldest first, each after the returns on the list before it (carry-over);
      // nothing scored: the latest week, which the exporter leaves alone when its files are current.
      const status = await readWeekStatus(conn, loaded);
      const weeks = report.weeksScored.length > 0
        ? [...report.weeksScored].sort()
        : [status.filter((w) => w.scoredAt !== null).at(-1)!.week];
      progress.stage(3, "export", `${weeks.length === 1 ? weeks[0] : `${weeks.length} weeks, ${weeks[0]} to ${weeks.at(-1)}`} to ${options.outDir}`);
      const exportStarted = Date.now();
      const exported = await exportWeeks(conn, weeks, {
        db: options.db, outDir: options.outDir, loaded,
        context: { command: options.command, ingest: report.ingest, weeksScored: report.weeksScored, durationsMs: { ...report.durationsMs } },
        returnsFolder: options.command === "run" ? loaded.config.feedback.folder : null,
        sampleManagers: options.sampleManagers,
        log: progress.log,
      });
      const result = exported.exports.at(-1)!;
      report.export = { ...result, files: result.files.length };
      report.weeksExported = exported.exports.filter((e) => e.outcome === "written").map((e) => e.week);
      for (const f of exported.feedback) {
        report.feedback.loaded += f.loaded;
        report.feedback.unchanged += f.unchanged;
        report.feedback.refused += f.refused;
      }
      report.durationsMs.export = Date.now() - exportStarted;

      // Signal quality's figures: new scored weeks are new warnings to judge, and new outcomes for
      // the weeks before them (README "Backtest"). After the export, so its failure keeps the files.
      if (report.weeksScored.length > 0) {
        try {
          const backtest = await runBacktest(conn, loaded, { log: progress.log });
          report.backtest = { outcome: "done", weeksComplete: backtest.weeksComplete.length, weeksEvaluated: backtest.weeksEvaluated.length };
          report.durationsMs.backtest = backtest.durationMs;
        } catch (e) {
          report.backtest = { outcome: "failed", message: (e as Error).message };
          progress.log(`backtest failed — ${(e as Error).message}`);
        }
      }
    });

    const scoresChanged = report.weeksScored.length > 0 || report.export?.outcome === "written";
    // A refresh that failed or was killed leaves this marker: the next run rebuilds even when
    // nothing else is new, so dist/ never stays behind the warehouse (issue 13, finding 6).
    const staleMarker = `${options.db}.dashboard-stale`;
    const dashboardStale = existsSync(staleMarker);
    if (options.dashboard === false) {
      report.dashboard = { outcome: "off", durationMs: 0 };
      progress.stage(4, "dashboard", "not refreshed (--no-dashboard)");
    } else if (!scoresChanged && !dashboardStale) {
      progress.stage(4, "dashboard", "nothing changed, left as it is");
    } else {
      progress.stage(4, "dashboard", "refreshing its data (clear the loader cache, rebuild dist/)");
      const started = Date.now();
      try {
        // After the warehouse is closed: the dashboard's loaders open it read-only in other processes.
        writeFileSync(staleMarker, "", { mode: 0o600 });
        report.dashboard = { outcome: "refreshed", durationMs: (await refreshDashboard({ db: options.db, log: progress.log })).durationMs };
        rmSync(staleMarker, { force: true });
      } catch (e) {
        // The exports are out already: report the dashboard apart (exit 1) rather than as a crash.
        report.dashboard = { outcome: "failed", durationMs: Date.now() - started, message: (e as Error).message };
        progress.log(`dashboard refresh failed — ${(e as Error).message}`);
      }
      report.durationsMs.dashboard = report.dashboard.durationMs;
    }
  } finally {
    release();
  }
  const failed = report.ingest.bundles.some((b) => b.outcome === "failed") || report.weeksFailed.length > 0
    || report.dashboard.outcome === "failed" || report.backtest.outcome === "failed" || report.feedback.refused > 0;
  const changed = report.weeksScored.length > 0 || report.export?.outcome === "written" || report.feedback.loaded > 0
    || report.ingest.bundles.some((b) => b.outcome === "loaded" || b.outcome === "replaced");
  report.outcome = failed ? "failed" : changed ? "done" : "nothing_new";
  report.exitCode = failed ? 1 : 0;
  return report;
}
