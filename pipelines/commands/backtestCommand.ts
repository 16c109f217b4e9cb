import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError, BundleError } from "../lib/errors.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { writeReport } from "../lib/writeReport.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { runBacktest } from "../backtest/runBacktest.ts";
import { listScoredWeeks } from "../backtest/listScoredWeeks.ts";
import { formatBacktestTable, type BacktestResultRow } from "../backtest/formatBacktestTable.ts";
import { sql } from "../db/sql.ts";
import { requireWarehouse } from "../db/requireWarehouse.ts";
import { acquireRunLock } from "../run/acquireRunLock.ts";
import { runLockPath } from "../run/runLockPath.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";

function weekOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoWeek(value)) throw new UsageError(`--${name} ${value} is not an ISO week like 2026-W47`);
  return value;
}

/**
 * `churnwatch backtest [--from W] [--to W] [--horizon H]`: do the warnings predict churn?
 * Replaces the backtest tables (pipelines/backtest/runBacktest.ts), prints the figures on stderr
 * ("n/a" where a warning never fired), and with `--json` the run report and figures on stdout.
 * Needs an existing warehouse and the run lock (it writes tables a run writes too).
 */
export async function backtestCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("backtest", argv, {
    from: { type: "string" },
    to: { type: "string" },
    horizon: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const from = weekOption("from", values.from);
  const to = weekOption("to", values.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  let horizonWeeks: number | undefined;
  if (values.horizon !== undefined) {
    horizonWeeks = Number(values.horizon);
    if (!Number.isInteger(horizonWeeks) || horizonWeeks < 1) throw new UsageError(`--horizon ${values.horizon} is not a whole number of weeks ≥ 1`);
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  requireWarehouse(globals.db);
  const release = acquireRunLock(runLockPath(globals.db, defaultOutDir), "backtest");
  try {
    return await backtest(globals, { from, to, horizonWeeks }, log);
  } finally {
    release();
  }
}

async function backtest(
  globals: ReturnType<typeof parseCommandArgs>["globals"],
  range: { from?: string; to?: string; horizonWeeks?: number },
  log: (line: string) => void,
): Promise<number> {
  const { from, to, horizonWeeks } = range;
  return withWarehouse({ db: globals.db, warehouse: globals.loaded.config.warehouse }, async (conn) => {
    const scored = await listScoredWeeks(conn);
    if (scored.length === 0) throw new BundleError(`no week is scored in ${globals.db}: run churnwatch score first`);
    const inRange = scored.filter((w) => (!from || w >= from) && (!to || w <= to));
    if (inRange.length === 0) {
      throw new UsageError(`no scored week in ${from ?? "…"} to ${to ?? "…"} (scored: ${scored[0]} to ${scored.at(-1)})`);
    }
    const report = await runBacktest(conn, globals.loaded, { from, to, horizonWeeks, log });
    if (report.weeksComplete.length === 0) {
      log(`backtest: no scored week has its ${report.horizonWeeks} following weeks loaded yet: every figure is n/a`);
    }
    if (report.scoresConfigHashes.length > 1) {
      log(`backtest: the judged weeks were scored under ${report.scoresConfigHashes.length} configurations (${report.scoresConfigHashes.join(", ")}): run churnwatch score --all for one`);
    }
    const results = await sql.query<BacktestResultRow>(conn, "select * from backtest_results order by label, level desc, display_order");
    process.stderr.write(formatBacktestTable(results));
    if (globals.json) writeReport({ command: "backtest", ...report, results });
    return 0;
  });
}
