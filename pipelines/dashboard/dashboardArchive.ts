import type { Params } from "../db/sql.ts";
import { columnsToArrowIpc } from "./arrowIpc.ts";
import { backtestFigures } from "./backtestFigures.ts";
import { dashboardMeta } from "./dashboardMeta.ts";
import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { drillDownGroups } from "./groupArchive.ts";
import { groupPageSlug } from "./groupPageSlug.ts";
import { scoredConfig } from "./scoredConfig.ts";
import { wordThresholds } from "./thresholdWords.ts";

const json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

/** A query's columns with `page`, the group's drill-down page name, for rows that link to it. */
async function withPages(q: DashboardQuery, name: string, params?: Params): Promise<Uint8Array> {
  const columns = await q.columns(name, params);
  columns.page = (columns.group_id as string[]).map(groupPageSlug);
  return columnsToArrowIpc(columns);
}

/**
 * The search index of every group (the search box on every page loads it when first used):
 * `[page, id, name, branch, tier in its last week, last week]` per group, in id order. About 60
 * bytes a group: 300 kB at city scale, fetched only when someone searches.
 */
async function groupIndex(q: DashboardQuery) {
  const groups = await drillDownGroups(q);
  return groups.map((g) => [groupPageSlug(g.group_id), g.group_id, g.group_name ?? "", g.branch ?? "", g.tier, g.last_week]);
}

/**
 * Every page's data but the drill-downs', as one archive: each loader process pays ~2–3 s of
 * start-up (tsx, DuckDB, apache-arrow), so one process writes them all. Aggregated in SQL: the
 * overview's files stay a few hundred kB at 5,000 groups and 26 weeks. Everything is read from
 * the published layer and bookkeeping: the call list as the export published it (calls.sql), the
 * thresholds as the latest week was scored with them (scoredConfig.ts).
 */
export async function dashboardArchive(q: DashboardQuery): Promise<Array<{ name: string; data: Uint8Array }>> {
  const scored = await scoredConfig(q);
  const meta = await dashboardMeta(q, scored);
  const arrow = async (name: string) => columnsToArrowIpc(await q.columns(name));
  return [
    { name: "meta.json", data: json(meta) },
    { name: "groups.json", data: json(await groupIndex(q)) },
    { name: "week_summary.arrow", data: await arrow("week_summary") },
    { name: "week_breakdown.arrow", data: await arrow("week_breakdown") },
    { name: "week_signals.arrow", data: await arrow("week_signals") },
    { name: "managers.arrow", data: await arrow("managers") },
    { name: "at_risk.arrow", data: await withPages(q, "at_risk") },
    { name: "calls.arrow", data: await withPages(q, "calls", { week: meta.latest_week }) },
    // the loop: what managers reported on their lists (counts only), and the competitors at work
    { name: "follow_up.arrow", data: await arrow("follow_up") },
    { name: "competitors.arrow", data: await arrow("competitors") },
    {
      name: "thresholds.json",
      data: json({
        config_hash: scored.hash,
        scored_week: scored.week,
        defaults: scored.defaults,
        signals: scored.config.signals,
        scoring: scored.config.scoring,
        words: wordThresholds(scored.config as unknown as { signals: Record<string, unknown>; scoring: Record<string, unknown> }, meta.signals.map((s) => s.code)),
      }),
    },
    {
      name: "data_quality.json",
      data: json({
        bundles: await q.rows("dq_bundles"),
        load_runs: await q.rows("dq_load_runs"),
        rejects: await q.rows("dq_rejects"),
        score_runs: await q.rows("dq_score_runs"),
      }),
    },
    { name: "backtest.json", data: json({ ...(await backtestFigures(q)), min_cases: meta.min_cases }) },
  ];
}
