import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import type { SignalCode } from "../config/scoringConfig.ts";
import { sql } from "../db/sql.ts";
import { reasonTemplates } from "./reasonTemplates.ts";
import { groupSignalReason, memberReason, tierReason, type GroupSignalFacts } from "./wordReasons.ts";

interface MemberRow {
  group_id: string;
  msisdn: string;
  signal: string;
  model: string | null;
  detail: string;
}

interface GroupSignalRow extends Omit<GroupSignalFacts, "detail" | "week"> {
  group_id: string;
  severity: number;
  detail: string;
  mid_high_affected: number;
}

interface GroupRow {
  group_id: string;
  tier: string;
  tier_rule: string;
  risk_score: number;
  families: number | null;
  reason_signals: string | null;
}

/**
 * Words the week's warnings (wordReasons.ts, from reasonTemplates.ts) into the publish stage's
 * scratch tables, which the pub_* models join: every member signal, every group signal, and each
 * group's reasons and tier. Done in code because a sentence is assembled from a template and the
 * signal's numbers, which SQL would have to spell out once per language of every model.
 */
export async function publishReasons(conn: DuckDBConnection, week: string, config: Config): Promise<void> {
  const members = await sql.query<MemberRow>(
    conn,
    `select group_id, msisdn, signal, model, detail::varchar as detail from member_signals
     where week = $week order by group_id, msisdn, signal`,
    { week },
  );
  const memberReasons = members.map((m) => ({
    group_id: m.group_id, msisdn: m.msisdn, signal: m.signal,
    reason: memberReason({ week, signal: m.signal, model: m.model, detail: JSON.parse(m.detail) }),
  }));
  await sql.run(conn, "publish/publish_member_reasons.sql", { rows: JSON.stringify(memberReasons) });

  const groupSignals = await sql.query<GroupSignalRow>(
    conn,
    `select s.group_id, s.signal, s.model, s.level, s.severity::integer as severity, s.detail::varchar as detail,
            s.members_affected::integer as members_affected, s.key_persons_affected::integer as key_persons_affected,
            s.mid_high_affected::integer as mid_high_affected,
            g.members_active::integer as members_active, s.since_week
     from group_signals s left join int_group_sizes g on g.group_id = s.group_id
     where s.week = $week order by s.group_id, s.severity desc, s.signal`,
    { week },
  );
  const sentence = new Map<string, string>();
  for (const s of groupSignals) sentence.set(`${s.group_id}|${s.signal}`, groupSignalReason({ ...s, week, detail: JSON.parse(s.detail) }));
  await sql.run(conn, "publish/publish_group_reasons.sql", {
    rows: JSON.stringify(groupSignals.map((s) => ({ group_id: s.group_id, signal: s.signal, reason: sentence.get(`${s.group_id}|${s.signal}`) }))),
  });

  const groups = await sql.query<GroupRow>(
    conn,
    `select group_id, tier, tier_rule, risk_score, families, reason_signals from group_scores where week = $week order by group_id`,
    { week },
  );
  const strongest = new Map<string, GroupSignalRow[]>();
  for (const s of groupSignals) strongest.set(s.group_id, [...(strongest.get(s.group_id) ?? []), s]);
  const { callNowSeverity } = config.scoring;
  const groupReasons = groups.map((g) => {
    const fired = strongest.get(g.group_id) ?? [];
    // the signals behind a call_now tier: those at their call-now severity, else all; behind a
    // care_moment tier, the dual-phone sign (group_scores.sql) and whom it touches
    const care = g.tier_rule === "care_moment" ? fired.filter((s) => s.signal === "dual_phone") : [];
    const urgent = care.length ? care : fired.filter((s) => s.severity >= (callNowSeverity[s.signal as SignalCode] ?? Infinity));
    const names: Record<string, string> = reasonTemplates.words.signal;
    const labels = (urgent.length ? urgent : fired).map((s) => names[s.signal] ?? s.signal);
    return {
      group_id: g.group_id,
      reasons: (g.reason_signals ?? "").split(";").filter(Boolean)
        .map((signal) => sentence.get(`${g.group_id}|${signal}`) ?? "")
        .filter(Boolean).join(reasonTemplates.parts.clause_separator),
      tier_reason: tierReason(
        {
          ...g,
          signal_labels: labels,
          care: care[0] && { members: care[0].members_affected, key_persons: care[0].key_persons_affected, mid_high: care[0].mid_high_affected },
        },
        { high: config.scoring.highMinScore, medium: config.scoring.mediumMinScore },
      ),
    };
  });
  await sql.run(conn, "publish/publish_group_week_reasons.sql", { rows: JSON.stringify(groupReasons) });
}
