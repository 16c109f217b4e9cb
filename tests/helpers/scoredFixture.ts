import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { defaultTables, writeBundle } from "./bundleFixture.ts";
import { ingest, tempDir, withTestWarehouse } from "./warehouse.ts";
import { publishGiven } from "./publishGiven.ts";

export const FIXTURE_WEEK = "2026-W47";
/** Fixed pseudonym key so member_key is the same in every test run (golden files). */
export const FIXTURE_KEY = "churnwatch-test-key";

type Row = Record<string, string | number | null>;

const member = (msisdn: string, group_id: string, role: string, vip_level: string, plan_fee: number, status = "active"): Row => ({
  msisdn, group_id, role, vip_level, join_date: "2020-01-01", status, status_date: "2020-01-01", plan_fee, contract_end: null,
});

export interface FixtureOptions {
  /** Group names to use instead of the fixture's, by group id (e.g. a name a spreadsheet would run). */
  groupNames?: Record<string, string>;
}

/**
 * The fixture bundle: five groups over three managers (one with a manager id that is not a plain
 * file name), key persons of every role, a suspended influencer, a ported-out gold member, low-end
 * members with signals (not to be called), a contact who is also a member of another group of the
 * same manager (listed once), a low group whose decision maker has a care moment of his own, a
 * medium group with no key person left, and CDRs whose other parties are third-party numbers.
 */
export function fixtureTables(week = FIXTURE_WEEK, options: FixtureOptions = {}) {
  const base = defaultTables(week);
  const named = (group: Row): Row => {
    const name = options.groupNames?.[String(group.group_id)];
    return name === undefined ? group : { ...group, group_name: name };
  };
  const groups: Row[] = [
    ...base.groups,
    { ...base.groups[0], group_id: "G003", group_name: "西湖区第一人民医院", group_class: "B", industry: "医疗", contract_end: "2026-12-10" },
    { ...base.groups[1], group_id: "G004", group_name: "余杭小微商贸", group_class: "C", industry: "零售" },
    { ...base.groups[1], group_id: "G005", group_name: "拱墅交通运输集团", group_class: null, industry: "交通", branch: "拱墅", manager_id: "M/03 张" },
    { ...base.groups[0], group_id: "G006", group_name: "西湖滨江物流有限公司", group_class: "C", industry: "交通", contract_end: null },
  ].map(named);
  const members: Row[] = [
    member("13800000001", "G001", "decision_maker", "gold", 188),
    member("13800000002", "G001", "member", "none", 58),
    member("13800000005", "G001", "dept_head", "none", 68),
    member("13800000006", "G001", "contact", "silver", 98),
    member("13800000007", "G001", "influencer", "none", 50, "suspended"),
    member("13800000008", "G001", "member", "diamond", 30),
    member("13800000009", "G001", "member", "none", 200),
    member("13800000010", "G001", "member", "none", 200),
    member("13800000011", "G001", "member", "gold", 188, "ported_out"),
    member("13800000012", "G003", "contact", "none", 50),
    member("13800000006", "G003", "member", "silver", 98),
    member("13800000003", "G002", "contact", "silver", 98),
    member("13800000004", "G002", "member", "none", 38, "suspended"),
    member("13800000013", "G002", "decision_maker", "none", 88),
    member("13800000014", "G004", "decision_maker", "none", 88),
    member("13800000015", "G005", "contact", "none", 60),
    member("13800000016", "G006", "member", "none", 58),
    member("13800000017", "G006", "member", "gold", 99),
  ];
  const cdr: Row[] = [
    ...base.cdr,
    { ...base.cdr[3], record_id: "R0005", msisdn: "13800000009", other_party: "18900000077", other_network: "CT" },
    { ...base.cdr[0], record_id: "R0006", msisdn: "13800000008", other_party: "15600000088", other_network: "CU" },
  ];
  const managers: Row[] = [...base.managers, { manager_id: "M/03 张", manager_name: "张伟", branch: "拱墅", phone: "13700000003", email: "m03@example.invalid" }];
  return { groups, members, cdr, managers };
}

type ScoreRow = [group: string, score: number, tier: string, signals: string, flagged: number];
type GroupSignalRow = [group: string, signal: string, severity: number, affected: number, detail: object, level: "group" | "members", keyPersons: number];
type MemberSignalRow = [group: string, msisdn: string, signal: string, model: string | null, severity: number, detail: object];

const usageBaseline = { population_ratio: 1, baseline_weeks: 4, baseline_from: "2026-W43", baseline_to: "2026-W46" };

/** Scores as the scorer would give them; signals strongest first (they explain the score in that order). */
export const FIXTURE_SCORES: ScoreRow[] = [
  ["G001", 82.46, "high", "batch_forwarding;zero_outgoing;dual_phone", 4],
  ["G003", 55, "medium", "contract_expiry", 1],
  ["G005", 55, "medium", "mou_drop", 1],
  ["G002", 40.04, "medium", "arrears;mou_drop", 2],
  ["G006", 38, "medium", "mou_drop", 1],
  ["G004", 10, "low", "handset_change", 1],
];
/** Group signals with the detail each signal's model writes (level 'group') or a members' roll-up. */
export const FIXTURE_GROUP_SIGNALS: GroupSignalRow[] = [
  ["G001", "batch_forwarding", 2, 3, {
    members_forwarding: 3, members_to_competitor: 3, calls_forwarded: 14, calls_to_competitor: 14,
    distinct_numbers: 1, numbers_shared_by_members: 1, competitor_networks: "CT",
  }, "group", 0],
  ["G001", "dual_phone", 2, 3, { models: "affinity;circle;forwarding" }, "members", 0],
  ["G001", "zero_outgoing", 3, 2, {}, "members", 1],
  ["G003", "contract_expiry", 3, 2, { contract_end: "2026-12-10", days_left: 18 }, "group", 0],
  ["G005", "mou_drop", 2, 1, { group_minutes_now: 140, group_minutes_baseline: 300, group_drop_share: 0.533, judged_members: 1, members_down: 1, member_drop_share: 0.533 }, "group", 0],
  ["G002", "arrears", 3, 1, {}, "members", 0],
  ["G002", "mou_drop", 2, 1, {}, "members", 1],
  ["G006", "mou_drop", 2, 1, {}, "members", 0],
  ["G004", "handset_change", 1, 1, {}, "members", 1],
];
/** Member signals with the detail each signal's model writes (third-party numbers included, as in production). */
export const FIXTURE_MEMBER_SIGNALS: MemberSignalRow[] = [
  ["G001", "13800000001", "zero_outgoing", null, 3, { calls_out: 0, calls_in: 9, baseline_calls_out: 12.5, expected_calls: 12.5, ...usageBaseline }],
  ["G001", "13800000002", "zero_outgoing", null, 2, { calls_out: 0, calls_in: 3, baseline_calls_out: 6, expected_calls: 6, ...usageBaseline }],
  ["G001", "13800000008", "dual_phone", "affinity;forwarding", 2, {
    models: "affinity;forwarding",
    evidence: {
      forwarding: { calls: 5, days: 3, numbers: 1 },
      affinity: { network: "CU", top_number_share: 0.42, top_number_share_baseline: 0.05, competitor_share: 0.5, competitor_share_baseline: 0.1, top_number: "15600000088" },
    },
  }],
  ["G001", "13800000009", "batch_forwarding", null, 2, { calls_forwarded: 6, days: 3, numbers: 1, calls_to_competitor: 6, networks: "CT", baseline_calls: 0, baseline_weeks: 4, target: 18900000077 }],
  ["G001", "13800000009", "dual_phone", "forwarding", 2, { models: "forwarding", evidence: { forwarding: { calls: 6, days: 3, numbers: 1 } } }],
  ["G001", "13800000011", "dual_phone", "circle", 1, { models: "circle", evidence: { circle: { top_contacts: 5, moved: 2, moved_colleagues: 1 } } }],
  ["G003", "13800000006", "mou_drop", null, 1, { minutes_now: 50, baseline_minutes: 120, calls_now: 20, expected_calls: 40, drop_share: 0.583, ...usageBaseline }],
  ["G005", "13800000015", "mou_drop", null, 2, { minutes_now: 140, baseline_minutes: 300, calls_now: 35, expected_calls: 70, drop_share: 0.533, ...usageBaseline }],
  ["G002", "13800000004", "arrears", null, 3, { suspended_since: "2026-11-10", days_suspended: 12, plan_fee_cny: 38, vip_level: "none", key_person: false }],
  ["G002", "13800000003", "mou_drop", null, 2, { minutes_now: 90, baseline_minutes: 200, calls_now: 30, expected_calls: 60, drop_share: 0.55, ...usageBaseline }],
  ["G006", "13800000017", "mou_drop", null, 2, { minutes_now: 40, baseline_minutes: 110, calls_now: 12, expected_calls: 30, drop_share: 0.636, ...usageBaseline }],
  ["G004", "13800000014", "handset_change", null, 1, { since_week: "2026-W46", days_used: 9, old_handset_weeks: 30, dual_sim: true, cdma2000: false }],
];

/** Publishes the fixture's given signals and scores for `week` through the real publish stage. */
export async function insertScores(conn: DuckDBConnection, week = FIXTURE_WEEK): Promise<void> {
  await publishGiven(conn, week, {
    memberSignals: FIXTURE_MEMBER_SIGNALS.map(([group_id, msisdn, signal, model, severity, detail]) => ({ group_id, msisdn, signal, model, severity, detail })),
    groupSignals: FIXTURE_GROUP_SIGNALS.map(([group_id, signal, severity, members_affected, detail, level, key_persons_affected]) =>
      ({ group_id, signal, severity, members_affected, detail, level, key_persons_affected })),
    groupScores: FIXTURE_SCORES.map(([group_id, risk_score, tier, signals, members_flagged]) => ({ group_id, risk_score, tier, signals, members_flagged })),
  });
}

/**
 * A warehouse holding the fixture bundle (or `tables`, e.g. fixtureTables with other group names),
 * loaded by the real loader, and the fixture scores.
 */
export async function scoredFixtureWarehouse(tables = fixtureTables()): Promise<{ root: string; db: string; extracts: string }> {
  const root = tempDir("cw-export-");
  const extracts = join(root, "extracts");
  writeBundle(extracts, { week: FIXTURE_WEEK, tables });
  const db = join(root, "data", "wh.duckdb");
  const report = await ingest(db, extracts);
  if (report.bundles[0]?.outcome !== "loaded") throw new Error(`fixture bundle did not load: ${report.bundles[0]?.message}`);
  await withTestWarehouse(db, (conn) => insertScores(conn));
  return { root, db, extracts };
}
