import type { DashboardQuery } from "./dashboardWarehouse.ts";

/**
 * The latest backtest run's figures for the Signal quality page, or `available: false` until
 * `churnwatch backtest` has written them (its tables appear with its first run).
 */
export async function backtestFigures(q: DashboardQuery) {
  const tables = ["backtest_runs", "backtest_results", "backtest_gains", "backtest_weeks"];
  for (const table of tables) if (!(await q.hasTable(table))) return { available: false as const };
  const [run] = await q.rows<{ run_id: string }>("backtest_run");
  if (!run) return { available: false as const };
  const params = { run_id: run.run_id };
  return {
    available: true as const,
    run,
    results: await q.rows("backtest_results", params),
    gains: await q.rows("backtest_gains", params),
    weeks: await q.rows("backtest_weeks", params),
    // runs from before the follow-up split have no such table
    followUp: (await q.hasTable("backtest_follow_up")) ? await q.rows("backtest_follow_up", params) : [],
  };
}
