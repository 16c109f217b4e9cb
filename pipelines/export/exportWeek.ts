import { createHash } from "node:crypto";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { sql } from "../db/sql.ts";
import { BundleError, UsageError } from "../lib/errors.ts";
import { addWeeks, isIsoWeek, weekStart } from "../lib/isoWeek.ts";
import { toCsv, type CsvValue } from "./toCsv.ts";
import { buildCallLists, type CallListRow } from "./buildCallLists.ts";
import { callListColumns } from "./callListColumns.ts";
import { callListWorkbook } from "./callListWorkbook.ts";
import { managerFileName } from "./managerFileName.ts";
import { buildRunReport, type ExportedFile, type RunContext } from "./buildRunReport.ts";
import { sameFiles } from "./sameFiles.ts";
import { dropPhoneLike } from "./dropPhoneLike.ts";
import { publishFolder } from "./publishFolder.ts";

const RUN_REPORT_FILE = "run_report.json";

const AT_RISK_COLUMNS = [
  "week", "group_id", "group_name", "branch", "manager_id", "group_class", "industry", "risk_score", "tier",
  "signals", "members_active", "members_flagged", "reasons",
] as const;
// Extra columns after the contract's, which outputs.md allows: `reason`, the plain-Chinese sentence
// beside the machine `detail`, and `model` (dual_phone's fired models).
const MEMBER_SIGNAL_COLUMNS = ["week", "group_id", "member_key", "msisdn_masked", "role", "signal", "severity", "detail", "reason", "model"] as const;

export interface ExportOptions {
  /** The warehouse file (the pseudonym key lives beside it). */
  db: string;
  /** DIR: the week's files go to DIR/<week>/. */
  outDir: string;
  /** Default: the latest scored week. */
  week?: string;
  loaded: LoadedConfig;
  context: RunContext;
  log?: (line: string) => void;
}

export interface ExportResult {
  week: string;
  dir: string;
  /** written: the folder was replaced; unchanged: it already held these exact files, nothing was touched. */
  outcome: "written" | "unchanged";
  files: ExportedFile[];
  durationMs: number;
}

type Row = Record<string, CsvValue>;

async function latestScoredWeek(conn: DuckDBConnection): Promise<string | null> {
  const [row] = await sql.query<{ week: string | null }>(conn, "select max(week) as week from pub_group_week");
  return row?.week ?? null;
}

/** The published call-list lines, one list per manager (null: groups with no manager), in file order. */
async function callLists(conn: DuckDBConnection, week: string): Promise<Array<{ managerId: string | null; rows: CallListRow[] }>> {
  const lists = new Map<string | null, CallListRow[]>();
  for (const { manager_id, ...line } of await sql.rows<CallListRow & { manager_id: string | null }>(conn, "exports/call_list_lines.sql", { week })) {
    let rows = lists.get(manager_id);
    if (!rows) lists.set(manager_id, (rows = []));
    rows.push(line);
  }
  return [...lists].map(([managerId, rows]) => ({ managerId, rows }));
}

function csvOf(columns: readonly string[], rows: Array<Record<string, CsvValue>>): Buffer {
  return toCsv(columns, rows.map((r) => columns.map((c) => r[c])));
}

/**
 * Writes week W's files under DIR/W per outputs.md: at_risk_groups.csv, member_signals.csv,
 * calls/<manager>.csv and .xlsx, run_report.json. Same warehouse, same bytes: every order has a
 * tie-breaker and no data file holds a wall-clock time. When DIR/W already holds exactly these
 * data files the folder is left as it is, run_report.json included (so a run with nothing new
 * changes no file); otherwise the whole folder is replaced through a temporary one (publishFolder).
 */
export async function exportWeek(conn: DuckDBConnection, options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const { config } = options.loaded;
  if (options.week !== undefined && !isIsoWeek(options.week)) throw new UsageError(`--week ${options.week}: not an ISO week like 2026-W47`);
  const week = options.week ?? (await latestScoredWeek(conn));
  if (!week) throw new BundleError("nothing to export: no week has been scored yet (run `churnwatch score` first)");
  const dir = join(options.outDir, week);

  const groups = await sql.rows<Row>(conn, "exports/at_risk_groups.sql", { week });
  if (groups.length === 0) throw new BundleError(`week ${week} has no scores: run \`churnwatch score --week ${week}\` first`);
  const files = new Map<string, Buffer>();
  const rowCounts = new Map<string, number>();
  const add = (path: string, bytes: Buffer, rows: number) => {
    files.set(path, bytes);
    rowCounts.set(path, rows);
  };
  add("at_risk_groups.csv", csvOf(AT_RISK_COLUMNS, groups), groups.length);

  const signals = (await sql.rows<Row>(conn, "exports/member_signals.sql", { week })).map((r) => ({
    ...r,
    detail: JSON.stringify(dropPhoneLike(JSON.parse(String(r.detail ?? "null")))),
  }));
  add("member_signals.csv", csvOf(MEMBER_SIGNAL_COLUMNS, signals), signals.length);

  // The workbooks' dates: the Monday after the week, when the list is handed out; never the clock.
  const asOf = weekStart(addWeeks(week, 1));
  const keys = callListColumns.map((c) => c.key);
  await buildCallLists(conn, week, config);
  for (const list of await callLists(conn, week)) {
    const stem = managerFileName(list.managerId);
    add(`calls/${stem}.csv`, csvOf(keys, list.rows), list.rows.length);
    add(`calls/${stem}.xlsx`, await callListWorkbook(week, list.managerId ?? "未分配客户经理", list.rows, asOf, list.managerId), list.rows.length);
  }

  const exported: ExportedFile[] = [...files].map(([path, bytes]) => ({
    path, rows: rowCounts.get(path) ?? 0, sha256: createHash("sha256").update(bytes).digest("hex"),
  }));
  if (sameFiles(dir, files, [RUN_REPORT_FILE])) {
    options.log?.(`export ${week}: ${dir} already holds these files, left as it is`);
    return { week, dir, outcome: "unchanged", files: exported, durationMs: Date.now() - started };
  }
  const durationsMs = { ...options.context.durationsMs, export: Date.now() - started };
  const report = await buildRunReport(conn, week, options.loaded, { ...options.context, durationsMs }, exported);
  files.set(RUN_REPORT_FILE, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8"));
  publishFolder(dir, files);
  options.log?.(`export ${week}: wrote ${files.size} files to ${dir}`);
  return { week, dir, outcome: "written", files: exported, durationMs: Date.now() - started };
}
