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

/**
 * The fixture bundle: five groups over three managers (one with a manager id that is not a plain
 * file name), key persons of every role, a suspended influencer, a ported-out gold member, low-end
 * members with signals (not to be called), a contact who is also a member of another group of the
 * same manager (listed once), and CDRs whose other parties are third-party numbers.
 */
export function fixtureTables(week = FIXTURE_WEEK) {
  const base = defaultTables(week);
  const groups: Row[] = [
    ...base.groups,
    { ...base.groups[0], group_id: "G003", group_name: "西湖区第一人民医院", group_class: "B", industry: "医疗", contract_end: "2026-12-10" },
    { ...base.groups[1], group_id: "G004", group_name: "余杭小微商贸", group_class: "C", industry: "零售" },
    { ...base.groups[1], group_id: "G005", group_name: "拱墅交通运输集团", group_class: null, industry: "交通", branch: "拱墅", manager_id: "M/03 张" },
  ];
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
  ];
  const cdr: Row[] = [
    ...base.cdr,
    { ...base.cdr[3], record_id: "R0005", msisdn: "13800000009", other_party: "18900000077", other_network: "CT" },
    { ...base.cdr[0], record_id: "R0006", msisdn: "13800000008", other_party: "15600000088", other_network: "CU" },
  ];
  const managers: Row[] = [...base.managers, { manager_id: "M/03 张", manager_name: "张伟", branch: "拱墅", phone: "13700000003", email: "m03@example.invalid" }];
  return { groups, members, cdr, managers };
}

type ScoreRow = [group: string, score: number, tier: string, signals: string, active: number, flagged: number, reasons: string];
type GroupSignalRow = [group: string, signal: string, severity: number, affected: number, detail: object];
type MemberSignalRow = [group: string, msisdn: string, signal: string, model: string | null, severity: number, detail: object];

export const FIXTURE_SCORES: ScoreRow[] = [
  ["G001", 82.46, "high", "batch_forwarding;dual_phone;zero_outgoing", 7, 4, "3 名成员将来电转移到电信号码（自周二起）；2 名成员疑似双机"],
  ["G003", 55, "medium", "contract_expiry", 2, 1, "集团协议 2026-12-10 到期，剩 24 天"],
  ["G005", 55, "medium", "mou_drop", 1, 1, "集团通话分钟数较基线下降 48%"],
  ["G002", 40.04, "medium", "arrears;mou_drop", 2, 2, "1 名成员欠费停机；集团通话分钟数下降 35%"],
  ["G004", 10, "low", "", 1, 0, ""],
];
export const FIXTURE_GROUP_SIGNALS: GroupSignalRow[] = [
  ["G001", "batch_forwarding", 2, 3, { members: 3, calls: 14 }],
  ["G001", "dual_phone", 2, 2, { members: 2 }],
  ["G001", "zero_outgoing", 3, 1, { members: 1 }],
  ["G003", "contract_expiry", 3, 0, { days_left: 24 }],
  ["G005", "mou_drop", 2, 1, { drop: 0.48 }],
  ["G002", "arrears", 3, 1, { members: 1 }],
  ["G002", "mou_drop", 2, 1, { drop: 0.35 }],
];
export const FIXTURE_MEMBER_SIGNALS: MemberSignalRow[] = [
  ["G001", "13800000001", "zero_outgoing", null, 3, { calls_out: 0, expected_calls: 12.5 }],
  ["G001", "13800000002", "zero_outgoing", null, 2, { calls_out: 0, expected_calls: 6 }],
  ["G001", "13800000008", "dual_phone", "affinity;forwarding", 2, { models: ["affinity", "forwarding"], evidence: { calls: 5, top_number_share: 0.42, network: "CU", top_number: "15600000088" } }],
  ["G001", "13800000009", "batch_forwarding", null, 2, { calls: 6, days: 3, target: 18900000077 }],
  ["G001", "13800000009", "dual_phone", "forwarding", 2, { models: ["forwarding"], evidence: { calls: 6 } }],
  ["G001", "13800000011", "dual_phone", "circle", 1, { moved: 2 }],
  ["G003", "13800000006", "mou_drop", null, 1, { baseline: 120, now: 50 }],
  ["G005", "13800000015", "mou_drop", null, 2, { baseline: 300, now: 140 }],
  ["G002", "13800000004", "arrears", null, 3, { status: "suspended" }],
  ["G002", "13800000003", "mou_drop", null, 2, { baseline: 200, now: 90 }],
];

/** Publishes the fixture's given signals and scores for `week` through the real publish stage. */
export async function insertScores(conn: DuckDBConnection, week = FIXTURE_WEEK): Promise<void> {
  await publishGiven(conn, week, {
    memberSignals: FIXTURE_MEMBER_SIGNALS.map(([group_id, msisdn, signal, model, severity, detail]) => ({ group_id, msisdn, signal, model, severity, detail })),
    groupSignals: FIXTURE_GROUP_SIGNALS.map(([group_id, signal, severity, members_affected, detail]) => ({ group_id, signal, severity, members_affected, detail })),
    groupScores: FIXTURE_SCORES.map(([group_id, risk_score, tier, signals, , members_flagged, reasons]) => ({ group_id, risk_score, tier, signals, members_flagged, reasons })),
  });
}

/** A warehouse holding the fixture bundle, loaded by the real loader, and the fixture scores. */
export async function scoredFixtureWarehouse(): Promise<{ root: string; db: string; extracts: string }> {
  const root = tempDir("cw-export-");
  const extracts = join(root, "extracts");
  writeBundle(extracts, { week: FIXTURE_WEEK, tables: fixtureTables() });
  const db = join(root, "data", "wh.duckdb");
  const report = await ingest(db, extracts);
  if (report.bundles[0]?.outcome !== "loaded") throw new Error(`fixture bundle did not load: ${report.bundles[0]?.message}`);
  await withTestWarehouse(db, (conn) => insertScores(conn));
  return { root, db, extracts };
}
