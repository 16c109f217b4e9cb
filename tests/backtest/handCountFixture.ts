import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { defaultTables, writeBundle } from "../helpers/bundleFixture.ts";
import { ingest, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";
import { publishGiven } from "../helpers/publishGiven.ts";

/**
 * A tiny world whose backtest figures can be counted by hand (handCount.test.ts does). Four
 * loaded weeks; scores stored for the first three; with a 2-week horizon W44 and W45 are complete,
 * W46 is not (W48 is not loaded).
 *
 *   G001  m1 decision maker, m2 ports out in W45, m3 vanishes from W46's snapshot, m4, m5
 *   G002  n1 contact, n2 is closed in W47, n3..n6
 *   G003  k1 contact ports out in W44 itself (not in any population), k2 contact leaves the group
 *         in W46 (its only key person then: the group churns by the key-person rule), k3..k7
 *   G004, G005  a decision maker and two members, nobody leaves
 */
export const WEEKS = ["2026-W44", "2026-W45", "2026-W46", "2026-W47"] as const;
export const SCORED_WEEKS = WEEKS.slice(0, 3);

type Fate = { week: string; status: "ported_out" | "closed" | "left_group" | "absent" };
interface Person {
  msisdn: string;
  group: string;
  role: string;
  fate?: Fate;
}

const person = (group: string, n: number, role = "member", fate?: Fate): Person => ({
  msisdn: `1380000${group.slice(-1)}${String(n).padStart(3, "0")}`, group, role, fate,
});

export const PEOPLE = {
  m1: person("G001", 1, "decision_maker"),
  m2: person("G001", 2, "member", { week: "2026-W45", status: "ported_out" }),
  m3: person("G001", 3, "member", { week: "2026-W46", status: "absent" }),
  m4: person("G001", 4),
  m5: person("G001", 5),
  n1: person("G002", 1, "contact"),
  n2: person("G002", 2, "member", { week: "2026-W47", status: "closed" }),
  k1: person("G003", 1, "contact", { week: "2026-W44", status: "ported_out" }),
  k2: person("G003", 2, "contact", { week: "2026-W46", status: "left_group" }),
};

const everyone: Person[] = [
  ...Object.values(PEOPLE),
  ...[3, 4, 5, 6].map((n) => person("G002", n)),
  ...[3, 4, 5, 6, 7].map((n) => person("G003", n)),
  ...["G004", "G005"].flatMap((g) => [person(g, 1, "decision_maker"), person(g, 2), person(g, 3)]),
];

/** The week's snapshot: a leaver is listed with its status in the week it leaves, then no more. */
function membersOf(week: string) {
  return everyone
    .filter((p) => !p.fate || week <= p.fate.week)
    .filter((p) => !(p.fate?.status === "absent" && week >= p.fate.week))
    .map((p) => {
      const status = p.fate && p.fate.week === week ? p.fate.status : "active";
      return {
        msisdn: p.msisdn, group_id: p.group, role: p.role, vip_level: "none", join_date: "2020-01-01",
        status, status_date: "2020-01-01", plan_fee: 58, contract_end: null,
      };
    });
}

function groupsOf(week: string) {
  const [g1, g2] = defaultTables(week).groups;
  return [g1, g2, { ...g1, group_id: "G003", group_name: "西湖区第一人民医院" }, { ...g2, group_id: "G004", group_name: "余杭小微商贸" }, { ...g2, group_id: "G005", group_name: "拱墅物流" }];
}

/** [week, member, signal, dual_phone models, severity] */
export const MEMBER_SIGNALS: Array<[string, Person, string, string | null, number]> = [
  ["2026-W44", PEOPLE.m2, "dual_phone", "forwarding;handset", 2],
  ["2026-W44", PEOPLE.m2, "batch_forwarding", null, 2],
  ["2026-W44", PEOPLE.m4, "batch_forwarding", null, 2],
  ["2026-W44", PEOPLE.m3, "zero_outgoing", null, 3],
  ["2026-W44", PEOPLE.n1, "zero_outgoing", null, 1],
  ["2026-W44", PEOPLE.k1, "retention_drop", null, 2],
  ["2026-W44", PEOPLE.k1, "key_person_change", "ported_out", 2],
  ["2026-W45", PEOPLE.m3, "zero_outgoing", null, 3],
  ["2026-W45", PEOPLE.m4, "dual_phone", "affinity", 1],
  ["2026-W45", PEOPLE.n2, "arrears", null, 3],
  ["2026-W46", PEOPLE.n2, "arrears", null, 3],
];

/** [week, group, signal, severity] */
export const GROUP_SIGNALS: Array<[string, string, string, number]> = [
  ["2026-W44", "G001", "batch_forwarding", 2],
  ["2026-W44", "G001", "dual_phone", 2],
  ["2026-W44", "G001", "zero_outgoing", 3],
  ["2026-W44", "G002", "zero_outgoing", 1],
  ["2026-W44", "G003", "retention_drop", 2],
  // G003 has no decision maker on record (every week), and k1 its contact ports out in W44
  ["2026-W44", "G003", "key_person_change", 3],
  ["2026-W45", "G003", "key_person_change", 3],
  ["2026-W45", "G001", "zero_outgoing", 3],
  ["2026-W45", "G001", "dual_phone", 1],
  ["2026-W45", "G002", "arrears", 3],
  ["2026-W45", "G003", "contract_expiry", 3],
  ["2026-W46", "G002", "arrears", 3],
];

/** [week, group, risk score, tier] */
export const GROUP_SCORES: Array<[string, string, number, string]> = [
  ["2026-W44", "G001", 80, "high"], ["2026-W44", "G002", 20, "low"], ["2026-W44", "G003", 50, "medium"],
  ["2026-W44", "G004", 0, "low"], ["2026-W44", "G005", 0, "low"],
  ["2026-W45", "G001", 60, "medium"], ["2026-W45", "G002", 40, "medium"], ["2026-W45", "G003", 45, "medium"],
  ["2026-W45", "G004", 5, "low"], ["2026-W45", "G005", 0, "low"],
  ["2026-W46", "G001", 10, "low"], ["2026-W46", "G002", 90, "high"], ["2026-W46", "G003", 10, "low"],
  ["2026-W46", "G004", 0, "low"], ["2026-W46", "G005", 0, "low"],
];

/** A plausible detail per signal: the backtest reads none of it, the publish stage words it. */
const DETAIL: Record<string, object> = {
  dual_phone: {
    evidence: {
      forwarding: { calls: 6, days: 3, numbers: 1 },
      handset: { since_week: "2026-W42", dual_sim: true, cdma2000: false, minutes_before: 80, minutes_now: 30 },
      affinity: { network: "CU", top_number_share: 0.3, top_number_share_baseline: 0, competitor_share: 0.5, competitor_share_baseline: 0.1 },
    },
  },
  batch_forwarding: { calls_forwarded: 6, days: 3, numbers: 1, networks: "CU", baseline_calls: 0 },
  zero_outgoing: { calls_out: 0, calls_in: 5, baseline_calls_out: 10, baseline_weeks: 4 },
  retention_drop: { status: "ported_out" },
  key_person_change: { change: "ported_out", role_before: "contact", role_now: null },
  arrears: { suspended_since: "2026-10-20", days_suspended: 5 },
};

/** Publishes the given warnings of each scored week through the real publish stage, oldest first. */
async function insertScores(conn: DuckDBConnection): Promise<void> {
  for (const week of SCORED_WEEKS) {
    await publishGiven(conn, week, {
      memberSignals: MEMBER_SIGNALS.filter(([w]) => w === week)
        .map(([, p, signal, model, severity]) => ({ group_id: p.group, msisdn: p.msisdn, signal, model, severity, detail: DETAIL[signal] ?? {} })),
      groupSignals: GROUP_SIGNALS.filter(([w]) => w === week)
        .map(([, group_id, signal, severity]) => ({ group_id, signal, severity, members_affected: 1, detail: {} })),
      groupScores: GROUP_SCORES.filter(([w]) => w === week)
        .map(([, group_id, risk_score, tier]) => ({ group_id, risk_score, tier, signals: "", members_flagged: 0 })),
    });
  }
}

/** Writes and loads the four bundles with the real loader, then stores the given scores. */
export async function handCountWarehouse(): Promise<string> {
  const root = tempDir("cw-backtest-");
  const extracts = join(root, "extracts");
  for (const week of WEEKS) writeBundle(extracts, { week, tables: { members: membersOf(week), groups: groupsOf(week) } });
  const db = join(root, "data", "wh.duckdb");
  const report = await ingest(db, extracts);
  const failed = report.bundles.filter((b) => b.outcome !== "loaded");
  if (failed.length > 0) throw new Error(`fixture bundles did not load: ${failed.map((b) => b.message).join("; ")}`);
  await withTestWarehouse(db, insertScores);
  return db;
}
