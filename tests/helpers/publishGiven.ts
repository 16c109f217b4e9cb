import type { DuckDBConnection } from "@duckdb/node-api";
import { loadConfig, type LoadedConfig } from "../../pipelines/config/loadConfig.ts";
import { sql, type Params } from "../../pipelines/db/sql.ts";
import { ensureScoreTables } from "../../pipelines/score/ensureScoreTables.ts";
import { weekContext } from "../../pipelines/score/weekContext.ts";
import { runStep, weekStages, weekTables, type StageStep } from "../../pipelines/score/weekStages.ts";

export interface GivenScores {
  memberSignals: Array<{ group_id: string; msisdn: string; signal: string; model: string | null; severity: number; detail: object }>;
  /** level: 'members' (a roll-up of members' own warnings, the default) or 'group' (a group-level measure, detail as its signal writes it). */
  groupSignals: Array<{ group_id: string; signal: string; severity: number; members_affected: number; detail: object; level?: "group" | "members"; key_persons_affected?: number }>;
  /** signals: the fired codes, strongest first (they explain the score in that order). */
  groupScores: Array<{ group_id: string; risk_score: number; tier: string; signals: string; members_flagged: number; tier_rule?: string }>;
}

const GIVEN_STAGES = new Set(["signals", "scores"]);

/**
 * Scores `week` as the scorer does, except that its signals and scores are given: the stages before
 * them (staging, features, baselines) and the publish stage after them are the real ones, in one
 * transaction, so exports and the backtest can be tested on hand-counted warnings through the same
 * published layer they read in production.
 */
export async function publishGiven(conn: DuckDBConnection, week: string, given: GivenScores, loaded: LoadedConfig = loadConfig()): Promise<void> {
  await ensureScoreTables(conn);
  const ctx = await weekContext(conn, week, loaded);
  const { params } = ctx;
  await sql.transaction(conn, async () => {
    for (const table of weekTables().kept) await sql.exec(conn, `delete from ${table} where week = $week`, { week });
    for (const { stage, steps } of weekStages) {
      if (stage === "scores") await insertGiven(conn, given, params);
      if (GIVEN_STAGES.has(stage)) continue;
      for (const step of steps as readonly StageStep[]) await runStep(step, ctx);
    }
    await sql.run(conn, "marts/score_runs.sql", { ...params, duration_ms: 0, report: "{}", config: JSON.stringify(loaded.config) });
  });
}

async function insertGiven(conn: DuckDBConnection, given: GivenScores, params: Params): Promise<void> {
  const rows = (list: object[]) => JSON.stringify(list.map((r) => ({ ...r, detail: "detail" in r ? JSON.stringify(r.detail) : undefined })));
  await sql.exec(
    conn,
    `insert into member_signals by name
     select $week as week, s.group_id, s.msisdn, s.signal, s.model, s.severity, s.detail::json as detail,
            $config_hash as config_hash, m.is_key_person, m.is_mid_high_end, $week as since_week
     from (select unnest(from_json($rows, '[{"group_id":"VARCHAR","msisdn":"VARCHAR","signal":"VARCHAR","model":"VARCHAR","severity":"INTEGER","detail":"VARCHAR"}]'), recursive := true)) s
     join stg_members m on m.group_id = s.group_id and m.msisdn = s.msisdn`,
    { ...params, rows: rows(given.memberSignals) },
  );
  await sql.exec(
    conn,
    `insert into group_signals by name
     select $week as week, group_id, signal, severity, members_affected, detail::json as detail, $config_hash as config_hash,
            coalesce(key_persons_affected, 0) as key_persons_affected, 0 as mid_high_affected, $week as since_week,
            coalesce(level, 'members') as level
     from (select unnest(from_json($rows, '[{"group_id":"VARCHAR","signal":"VARCHAR","severity":"INTEGER","members_affected":"INTEGER","detail":"VARCHAR","level":"VARCHAR","key_persons_affected":"INTEGER"}]'), recursive := true))`,
    { ...params, rows: rows(given.groupSignals) },
  );
  await sql.exec(
    conn,
    `insert into group_scores by name
     select $week as week, s.group_id, s.risk_score, s.tier,
            coalesce(array_to_string(list_sort(string_split(nullif(s.signals, ''), ';')), ';'), '') as signals,
            coalesce(g.members_active, 0) as members_active, s.members_flagged, s.signals as reason_signals,
            $config_hash as config_hash, $inputs_fingerprint as inputs_fingerprint,
            cast($scored_at as timestamp) as scored_at, 0 as key_persons_flagged, coalesce(s.tier_rule, 'score') as tier_rule,
            0 as families
     from (select unnest(from_json($rows, '[{"group_id":"VARCHAR","risk_score":"DOUBLE","tier":"VARCHAR","signals":"VARCHAR","members_flagged":"INTEGER","tier_rule":"VARCHAR"}]'), recursive := true)) s
     left join int_group_sizes g on g.group_id = s.group_id`,
    { ...params, rows: rows(given.groupScores) },
  );
}
