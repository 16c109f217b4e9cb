import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import type { SignalCode } from "../config/scoringConfig.ts";
import { sql } from "../db/sql.ts";
import { dueDate } from "./dueDate.ts";
import { signalLabels } from "./signalLabels.ts";
import { suggestedActions } from "./suggestedActions.ts";
import type { callListColumns } from "./callListColumns.ts";

/** A line of a call-list file: the contract's columns (outputs.md). */
export type CallListRow = Record<(typeof callListColumns)[number]["key"], string | number>;

/** One line of pub_call_list, as publish/pub_call_list.sql takes it. */
export interface CallListLine {
  manager_id: string | null;
  priority: number;
  due_date: string;
  group_id: string;
  group_name: string;
  group_class: string | null;
  tier: string;
  risk_score: number;
  person_role: string | null;
  is_key_person: boolean;
  msisdn: string;
  msisdn_masked: string;
  member_key: string;
  reason: string;
  suggested_action: string;
}

interface OwnSignal {
  signal: string;
  reason: string;
}

interface Candidate extends Omit<CallListLine, "due_date" | "reason" | "suggested_action"> {
  group_reasons: string;
  group_signals: string;
  own_signals: string | null;
}

const label = (signal: string) => signalLabels[signal as SignalCode] ?? signal;

/**
 * Builds week W's call list from the published layer and publishes it (pub_call_list), replacing
 * the week's lines in one transaction. pipelines/sql/exports/call_list.sql picks and orders the
 * people; here each line gets its words: `reason` (the person's own strongest signals as published,
 * then the group's reasons — for the manager only), `suggested_action` from the wording table, and
 * `due_date` from the group's class. Returns the number of lines.
 */
export async function buildCallLists(conn: DuckDBConnection, week: string, config: Config): Promise<number> {
  const suggest = suggestedActions(config.export);
  const candidates = await sql.rows<Candidate>(conn, "exports/call_list.sql", { week });
  const lines: CallListLine[] = candidates.map(({ group_reasons, group_signals, own_signals, ...person }) => {
    const own = own_signals ? (JSON.parse(own_signals) as OwnSignal[]) : [];
    const groupSignals = JSON.parse(group_signals) as string[];
    const ownText = own.slice(0, config.export.personSignalsInReason).map((s) => s.reason).join("、");
    const groupText = group_reasons || groupSignals.map(label).join("、");
    // A person's own signals come first: the offer should fit what is happening to them.
    const signalsForAction = [...own.map((s) => s.signal), ...groupSignals];
    return {
      ...person,
      priority: Number(person.priority),
      due_date: dueDate(week, person.group_class, config.export),
      reason: [ownText && `本人：${ownText}`, groupText && `集团：${groupText}`].filter(Boolean).join("；"),
      suggested_action: suggest(person.tier, signalsForAction),
    };
  });
  await sql.transaction(conn, async () => {
    await sql.exec(conn, "delete from pub_call_list where week = $week", { week });
    await sql.run(conn, "publish/pub_call_list.sql", { week, rows: JSON.stringify(lines) });
  });
  return lines.length;
}
