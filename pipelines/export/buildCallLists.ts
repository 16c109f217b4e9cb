import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sql } from "../db/sql.ts";
import { fill } from "../publish/wordReasons.ts";
import { reasonTemplates } from "../publish/reasonTemplates.ts";
import { publishFollowUp } from "../publish/publishFollowUp.ts";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";
import { dueDate } from "./dueDate.ts";
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
  person_status: string | null;
  msisdn: string | null;
  msisdn_masked: string | null;
  member_key: string | null;
  reason: string;
  suggested_action: string;
  carried_over: boolean;
}

interface OwnSignal {
  signal: string;
  reason: string;
}

interface Candidate extends Omit<CallListLine, "due_date" | "reason" | "suggested_action"> {
  group_reasons: string;
  group_tier_reason: string;
  group_signals: string;
  own_signals: string | null;
}

const words = reasonTemplates.callList;
const AT_RISK = new Set(["high", "medium"]);

/**
 * One line's reason and action, from that person's own warnings; a key person (or the group's own
 * line when no key person is left) also speaks for the group, so the group's tier, sentences and
 * own measures are added to theirs — never to anyone else's line (a payment reminder goes to the
 * member in arrears only, domain.md).
 */
function wordLine(line: Candidate, config: Config, suggest: ReturnType<typeof suggestedActions>) {
  const own = line.own_signals ? (JSON.parse(line.own_signals) as OwnSignal[]) : [];
  const groupLine = line.msisdn === null;
  const forGroup = (line.is_key_person || groupLine) && AT_RISK.has(line.tier);
  const groupSentences = [line.group_tier_reason, line.group_reasons].filter(Boolean).join(reasonTemplates.parts.clause_separator);
  const reason = [
    line.carried_over ? words.carried_over : "",
    own.length ? fill(words.own, { sentences: own.slice(0, config.export.personSignalsInReason).map((s) => s.reason).join(reasonTemplates.parts.clause_separator) }) : "",
    groupLine ? words.no_key_person : "",
    forGroup && groupSentences ? fill(words.group, { sentences: groupSentences }) : "",
  ].filter(Boolean).join(words.separator);
  const signals = [
    ...(groupLine ? [{ signal: "_no_key_person", own: false }] : []),
    ...(line.person_status === "suspended" ? [{ signal: "_suspended", own: true }] : []),
    ...own.map((s) => ({ signal: s.signal, own: true })),
    ...(forGroup ? (JSON.parse(line.group_signals) as string[]).map((signal) => ({ signal, own: false })) : []),
  ];
  return { reason, suggested_action: suggest(line.tier, signals, forGroup) };
}

/**
 * Builds week W's call lists from the published layer and publishes them (pub_call_list), replacing
 * the week's lines in one transaction. pipelines/sql/exports/call_list.sql picks and orders the
 * people; here each line gets its words (wordLine) and its due date. Its follow-up (nothing came
 * back yet) is published with it. Returns the number of lines.
 */
export async function buildCallLists(conn: DuckDBConnection, week: string, config: Config): Promise<number> {
  const suggest = suggestedActions(config.export);
  await ensureScoreTables(conn);
  // what came back on the previous list decides who is carried over onto this one
  const [previous] = await sql.query<{ week: string | null }>(conn, "select max(week) as week from pub_call_list where week < $week", { week });
  if (previous?.week) await publishFollowUp(conn, previous.week);
  const candidates = await sql.rows<Candidate>(conn, "exports/call_list.sql", {
    week, care_moment_signals: JSON.stringify(config.export.careMomentSignals),
  });
  const lines: CallListLine[] = candidates.map((line) => {
    const { group_reasons, group_tier_reason, group_signals, own_signals, ...person } = line;
    return {
      ...person,
      priority: Number(person.priority),
      due_date: dueDate(week, person.tier, person.group_class, config.export),
      ...wordLine(line, config, suggest),
    };
  });
  await sql.transaction(conn, async () => {
    await sql.exec(conn, "delete from pub_call_list where week = $week", { week });
    await sql.run(conn, "publish/pub_call_list.sql", { week, rows: JSON.stringify(lines) });
    await publishFollowUp(conn, week);
  });
  return lines.length;
}
