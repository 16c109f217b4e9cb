import type { DuckDBConnection } from "@duckdb/node-api";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { configSchema } from "../../pipelines/config/configSchema.ts";
import { configHash, type LoadedConfig } from "../../pipelines/config/loadConfig.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import type { ScoreReport } from "../../pipelines/score/scoreWeek.ts";
import type { Fixture } from "./fixture.ts";

type Json = Record<string, unknown>;

export interface MemberSignalRow {
  week: string; group_id: string; msisdn: string; signal: string; model: string | null; severity: number;
  detail: Json; since_week: string; is_key_person: boolean; is_mid_high_end: boolean;
  metric_baseline: number | null; metric_now: number | null; metric_change: number | null;
  /** The published sentence (pub_member_signal.reason). */
  reason: string;
}
export interface GroupSignalRow {
  week: string; group_id: string; signal: string; severity: number; members_affected: number; detail: Json;
  model: string | null; key_persons_affected: number; since_week: string; level: string;
  /** The published sentence (pub_group_signal.reason). */
  reason: string;
}
export interface GroupScoreRow {
  week: string; group_id: string; risk_score: number; tier: string; signals: string; members_active: number;
  members_flagged: number; config_hash: string; inputs_fingerprint: string; tier_rule: string;
  /** The published sentences (pub_group_week.reasons) and why the tier (tier_reason). */
  reasons: string; tier_reason: string;
}

export interface Scored {
  reports: ScoreReport[];
  memberSignals: MemberSignalRow[];
  groupSignals: GroupSignalRow[];
  groupScores: GroupScoreRow[];
  /** member(week, msisdn, signal): the member's row of that signal that week, if it fired. */
  member(week: string, msisdn: string, signal: string): MemberSignalRow | undefined;
  group(week: string, groupId: string, signal: string): GroupSignalRow | undefined;
  score(week: string, groupId: string): GroupScoreRow;
  /** Codes fired that week (member or group level), optionally in one group only. */
  codes(week: string, groupId?: string): string[];
}

/** A configuration with defaults, changed by `overrides` (same shape as the JSON file). */
export function testConfig(overrides: Json = {}): LoadedConfig {
  const config = configSchema.parse(overrides);
  return { config, hash: configHash(config) };
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  const objects = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Json[];
  return objects.map((o) => ({ ...o, ...(typeof o.detail === "string" ? { detail: JSON.parse(o.detail) } : {}) }) as T);
}

/** Reads the scoring results of a warehouse into plain rows with lookups (detail parsed). */
export async function readScored(conn: DuckDBConnection, reports: ScoreReport[] = []): Promise<Scored> {
  // the scoring tables, with the sentences the publish stage worded for them
  const memberSignals = await rows<MemberSignalRow>(conn, `select s.*, p.reason from member_signals s
    join pub_member_signal p using (week, group_id, msisdn, signal) order by week, group_id, msisdn, signal`);
  const groupSignals = await rows<GroupSignalRow>(conn, `select s.*, p.reason from group_signals s
    join pub_group_signal p using (week, group_id, signal) order by week, group_id, signal`);
  const groupScores = await rows<GroupScoreRow>(conn, `select s.*, p.reasons, p.tier_reason from group_scores s
    join pub_group_week p using (week, group_id) order by week, group_id`);
  return {
    reports, memberSignals, groupSignals, groupScores,
    member: (week, msisdn, signal) => memberSignals.find((r) => r.week === week && r.msisdn === msisdn && r.signal === signal),
    group: (week, groupId, signal) => groupSignals.find((r) => r.week === week && r.group_id === groupId && r.signal === signal),
    score: (week, groupId) => {
      const row = groupScores.find((r) => r.week === week && r.group_id === groupId);
      if (!row) throw new Error(`no score for ${groupId} in ${week}`);
      return row;
    },
    codes: (week, groupId) => [...new Set(groupSignals
      .filter((r) => r.week === week && (groupId === undefined || r.group_id === groupId)).map((r) => r.signal))].sort(),
  };
}

/** Loads the fixture into a fresh in-memory warehouse (weeks up to `upTo`) and scores every loaded week. */
export async function scoreFixture(fx: Fixture, options: { config?: Json; upTo?: string } = {}): Promise<Scored> {
  const loaded = testConfig(options.config);
  return withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
    await fx.load(conn, options.upTo);
    const weeks = fx.weeks.filter((w) => options.upTo === undefined || w <= options.upTo);
    const reports = await scoreWeeks(conn, weeks, loaded);
    return readScored(conn, reports);
  });
}
