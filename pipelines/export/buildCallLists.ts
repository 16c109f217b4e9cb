import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import type { SignalCode } from "../config/scoringConfig.ts";
import { sqlText } from "../db/runSqlFile.ts";
import { dueDate } from "./dueDate.ts";
import { signalLabels } from "./signalLabels.ts";
import { suggestedActions } from "./suggestedActions.ts";
import { dropPhoneLike } from "./dropPhoneLike.ts";
import type { callListColumns } from "./callListColumns.ts";

export type CallListRow = Record<(typeof callListColumns)[number]["key"], string | number>;

export interface CallList {
  /** null: groups with no manager in the extract (listed apart so they are not lost). */
  managerId: string | null;
  rows: CallListRow[];
}

interface OwnSignal {
  signal: string;
  severity: number;
  detail: string;
}

interface SqlRow {
  manager_id: string | null;
  priority: number;
  group_id: string;
  group_name: string;
  group_class: string | null;
  tier: string;
  person_role: string | null;
  person_msisdn: string;
  group_reasons: string;
  group_signals: string;
  own_signals: string | null;
}

/** The first numbers of a signal's detail (nested objects flattened), never its text nor a phone-like value. */
function detailNumbers(detail: string, most: number): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "number" && Number.isFinite(value)) parts.push(`${key} ${Number(value.toFixed(3))}`);
    else if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  try {
    walk(dropPhoneLike(JSON.parse(detail)), "");
  } catch {
    return "";
  }
  return parts.slice(0, most).join("，");
}

function label(signal: string): string {
  return signalLabels[signal as SignalCode] ?? signal;
}

/**
 * The week's call lists, one per manager with at least one person to call, in priority order
 * (pipelines/sql/exports/call_list.sql picks and orders the people). Here each row gets its words:
 * `reason` (the person's own strongest signals with their numbers, then the group's reasons — for
 * the manager only), `suggested_action` from the wording table, and `due_date` from the group's class.
 */
export async function buildCallLists(conn: DuckDBConnection, week: string, config: Config): Promise<CallList[]> {
  const suggest = suggestedActions(config.export);
  const result = await conn.runAndReadAll(sqlText("exports/call_list.sql"), {
    week,
    mid_high_plan_fee: config.signals.midHighPlanFeeCny,
  } as never);
  const lists = new Map<string | null, CallList>();
  for (const row of result.getRowObjectsJson() as unknown as SqlRow[]) {
    const own = row.own_signals ? (JSON.parse(row.own_signals) as OwnSignal[]) : [];
    const groupSignals = JSON.parse(row.group_signals) as string[];
    const ownText = own
      .slice(0, config.export.personSignalsInReason)
      .map((s) => {
        const numbers = detailNumbers(s.detail, config.export.reasonNumbersPerSignal);
        return `${label(s.signal)}（${s.severity}级${numbers ? `：${numbers}` : ""}）`;
      })
      .join("、");
    const groupText = row.group_reasons || groupSignals.map(label).join("、");
    const reason = [ownText && `本人：${ownText}`, groupText && `集团：${groupText}`].filter(Boolean).join("；");
    // A person's own signals come first: the offer should fit what is happening to them.
    const signalsForAction = [...own.map((s) => s.signal), ...groupSignals];
    let list = lists.get(row.manager_id);
    if (!list) lists.set(row.manager_id, (list = { managerId: row.manager_id, rows: [] }));
    list.rows.push({
      week,
      priority: Number(row.priority),
      due_date: dueDate(week, row.group_class, config.export),
      group_id: row.group_id,
      group_name: row.group_name,
      tier: row.tier,
      person_role: row.person_role ?? "",
      person_msisdn: row.person_msisdn,
      reason,
      suggested_action: suggest(row.tier, signalsForAction),
    });
  }
  return [...lists.values()];
}
