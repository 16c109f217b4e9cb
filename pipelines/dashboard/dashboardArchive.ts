import { buildCallLists } from "../export/buildCallLists.ts";
import { maskMsisdn } from "../privacy/maskMsisdn.ts";
import { pseudonymizer } from "../privacy/pseudonymizer.ts";
import { columnsToArrowIpc, rowsToColumns } from "./arrowIpc.ts";
import { backtestFigures } from "./backtestFigures.ts";
import { dashboardMeta } from "./dashboardMeta.ts";
import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { groupPageSlug } from "./groupPageSlug.ts";

const json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

/** A query's columns with `page`, the group's drill-down page name, for rows that link to it. */
async function withPages(q: DashboardQuery, name: string): Promise<Uint8Array> {
  const columns = await q.columns(name);
  columns.page = (columns.group_id as string[]).map(groupPageSlug);
  return columnsToArrowIpc(columns);
}

/** The latest week's call lists, every manager, masked: who to call and why, without full numbers. */
async function callListRows(q: DashboardQuery, week: string): Promise<Uint8Array> {
  const pseudonym = pseudonymizer(q.loaded.config, q.db);
  const rows = (await buildCallLists(q.conn, week, q.loaded.config)).flatMap((list) =>
    list.rows.map(({ person_msisdn, ...row }) => ({
      ...row,
      manager_id: list.managerId ?? "",
      member_key: pseudonym(String(person_msisdn)),
      msisdn_masked: maskMsisdn(String(person_msisdn)),
      page: groupPageSlug(String(row.group_id)),
    })),
  );
  const names = ["week", "manager_id", "priority", "due_date", "group_id", "group_name", "tier", "person_role",
    "member_key", "msisdn_masked", "reason", "suggested_action", "page"] as const;
  return columnsToArrowIpc(rowsToColumns(rows, names));
}

/**
 * Every page's data but the drill-downs', as one archive: each loader process pays ~2–3 s of
 * start-up (tsx, DuckDB, apache-arrow), so one process writes them all. Aggregated in SQL: the
 * overview's files stay a few hundred kB at 5,000 groups and 26 weeks.
 */
export async function dashboardArchive(q: DashboardQuery): Promise<Array<{ name: string; data: Uint8Array }>> {
  const meta = await dashboardMeta(q);
  const arrow = async (name: string) => columnsToArrowIpc(await q.columns(name));
  return [
    { name: "meta.json", data: json(meta) },
    { name: "week_summary.arrow", data: await arrow("week_summary") },
    { name: "week_breakdown.arrow", data: await arrow("week_breakdown") },
    { name: "week_signals.arrow", data: await arrow("week_signals") },
    { name: "managers.arrow", data: await arrow("managers") },
    { name: "at_risk.arrow", data: await withPages(q, "at_risk") },
    { name: "calls.arrow", data: await callListRows(q, meta.latest_week) },
    {
      name: "thresholds.json",
      data: json({
        config_hash: q.loaded.hash,
        config_file: process.env.CHURNWATCH_CONFIG || null,
        signals: q.loaded.config.signals,
        scoring: q.loaded.config.scoring,
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
    { name: "backtest.json", data: json(await backtestFigures(q)) },
  ];
}
