import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import { readFileSync, rmSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { reasonTemplates } from "../../pipelines/publish/reasonTemplates.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { tempDir, withTestWarehouse } from "../helpers/warehouse.ts";
import { FIXTURE_KEY, FIXTURE_WEEK, scoredFixtureWarehouse } from "../helpers/scoredFixture.ts";
import { publishGiven, type GivenScores } from "../helpers/publishGiven.ts";

/** What a person must never read in a sentence: an English word or field name (two ASCII letters in a row), JSON, or a missing value. */
const NOT_PLAIN_CHINESE = /[A-Za-z]{2,}|[{}[\]"]|undefined|NaN/;

/** A template as a pattern: its text, with any value where a placeholder stands. */
const pattern = (template: string) =>
  new RegExp(template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, ".*"));

/** Every template of the sentences a person reads, named section.key. */
const TEMPLATES = (["member", "dualPhone", "group", "members", "tierRule"] as const).flatMap((section) =>
  Object.entries(reasonTemplates[section]).map(([key, text]) => ({ name: `${section}.${key}`, text: text as string })),
);

async function sentences(conn: DuckDBConnection): Promise<string[]> {
  const rows = await sql.query<{ text: string }>(
    conn,
    `select reason as text from pub_member_signal
     union all select reason from pub_group_signal
     union all select reasons from pub_group_week where reasons <> ''
     union all select tier_reason from pub_group_week where tier_reason <> ''`,
  );
  return rows.map((r) => r.text);
}

/**
 * Hand-given warnings for what a generated run rarely produces (a key person's own agreement ending
 * or ended, roll-ups of signals that usually carry a group-level measure, every tier rule), in the
 * detail shape each signal writes, published through the real publish stage.
 */
const RARE: GivenScores = {
  memberSignals: [
    { group_id: "G001", msisdn: "13800000005", signal: "contract_expiry", model: null, severity: 1, detail: { contract_end: "2026-12-12", days_left: 20, role: "dept_head" } },
    { group_id: "G003", msisdn: "13800000012", signal: "contract_expiry", model: null, severity: 2, detail: { contract_end: "2026-11-15", days_left: -7, role: "contact" } },
    { group_id: "G002", msisdn: "13800000003", signal: "retention_drop", model: "left_group", severity: 2, detail: { status: "left_group" } },
    { group_id: "G002", msisdn: "13800000013", signal: "key_person_change", model: "role_changed", severity: 3, detail: { change: "role_changed", role_before: "dept_head", role_now: "decision_maker" } },
    { group_id: "G005", msisdn: "13800000015", signal: "key_person_change", model: "left_group", severity: 2, detail: { change: "left_group", role_before: "contact", role_now: null } },
  ],
  groupSignals: [
    { group_id: "G001", signal: "batch_forwarding", severity: 2, members_affected: 2, detail: {}, key_persons_affected: 1 },
    { group_id: "G001", signal: "retention_drop", severity: 2, members_affected: 1, detail: {} },
    { group_id: "G003", signal: "contract_expiry", severity: 2, members_affected: 2, detail: {}, key_persons_affected: 2 },
    { group_id: "G002", signal: "mou_drop", severity: 2, members_affected: 1, detail: {} },
    { group_id: "G004", signal: "mou_drop", severity: 1, members_affected: 1, level: "group", detail: { group_minutes_now: 30, group_minutes_baseline: 60, group_drop_share: 0.5, members_down: 1, member_drop_share: 0.4 }, },
    { group_id: "G005", signal: "revenue_drop", severity: 2, members_affected: 1, level: "group", detail: { revenue_cny: 300, baseline_revenue_cny: 500, drop_share: 0.4, billed_members: 1, members_bill_falling: 1, member_drop_share: 0.3 } },
    { group_id: "G004", signal: "dual_phone", severity: 1, members_affected: 1, detail: {}, key_persons_affected: 1 },
    {
      group_id: "G005", signal: "key_person_change", severity: 3, members_affected: 1, level: "group",
      detail: { no_decision_maker: true, no_contact: true, key_persons_on_record: 0, key_persons_left: 1, key_persons_ported: 0, key_persons_closed: 0, role_changes: 0, decision_makers_gone: 0 },
    },
    { group_id: "G002", signal: "key_person_change", severity: 3, members_affected: 1, detail: {}, key_persons_affected: 1 },
  ],
  groupScores: [
    { group_id: "G001", risk_score: 74, tier: "high", signals: "batch_forwarding;retention_drop", members_flagged: 2, tier_rule: "families" },
    { group_id: "G003", risk_score: 40, tier: "medium", signals: "contract_expiry", members_flagged: 2, tier_rule: "call_now" },
    { group_id: "G002", risk_score: 72, tier: "high", signals: "mou_drop;key_person_change", members_flagged: 1, tier_rule: "ported_plus" },
    { group_id: "G004", risk_score: 36, tier: "medium", signals: "mou_drop;dual_phone", members_flagged: 1, tier_rule: "care_moment" },
    { group_id: "G005", risk_score: 71, tier: "high", signals: "revenue_drop;key_person_change", members_flagged: 1 },
  ],
};

describe("every sentence a person reads is plain Chinese, from the one template file", () => {
  const root = tempDir("cw-reasons-");
  const db = join(root, "data", "wh.duckdb");
  const out = join(root, "out");
  let generated: string[] = [];
  let rare: string[] = [];
  let week = "";

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = FIXTURE_KEY;
    const extracts = join(root, "extracts");
    // every group planted with a scenario: the run fires every signal, model and tier rule it can
    await generate({ out: extracts, groups: 40, weeks: 10, seed: 5, plantedShare: 1, cdrPerMember: 30 });
    const loaded = loadConfig();
    await withTestWarehouse(db, async (conn) => {
      const report = await ingestPath(conn, extracts, loaded.config, { tempDir: join(root, ".tmp") });
      const weeks = report.bundles.map((b) => b.week!).sort();
      await scoreWeeks(conn, weeks, loaded);
      week = weeks.at(-1)!;
      await exportWeek(conn, { db, outDir: out, week, loaded, context: { command: "export", durationsMs: {} } });
      generated = await sentences(conn);
    });
    const fixture = await scoredFixtureWarehouse();
    await withTestWarehouse(fixture.db, async (conn) => {
      rare = await sentences(conn);
      await publishGiven(conn, FIXTURE_WEEK, RARE);
      rare.push(...(await sentences(conn)));
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("never shows an English word, a field name, JSON or a missing value", () => {
    const all = [...generated, ...rare];
    expect(generated.length).toBeGreaterThan(100);
    expect(all.filter((s) => NOT_PLAIN_CHINESE.test(s))).toEqual([]);
  });

  it("renders every template, from the signal rows of a generated run and hand-given ones", () => {
    const all = [...generated, ...rare];
    const unused = TEMPLATES.filter((t) => !all.some((s) => pattern(t.text).test(s))).map((t) => t.name);
    expect(unused).toEqual([]);
  });

  it("shows the same sentences in at_risk_groups.csv, member_signals.csv and the call lists", async () => {
    const csv = (path: string) => {
      const [header, ...rows] = parseCsv(readFileSync(join(out, week, path), "utf8"));
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    };
    await withTestWarehouse(db, async (conn) => {
      const groups = await sql.query<{ group_id: string; reasons: string }>(conn, "select group_id, reasons from pub_group_week where week = $week", { week });
      const byGroup = new Map(groups.map((g) => [g.group_id, g.reasons]));
      const atRisk = csv("at_risk_groups.csv");
      expect(atRisk.length).toBe(groups.length);
      for (const row of atRisk) expect(row.reasons, row.group_id).toBe(byGroup.get(row.group_id));

      const members = await sql.query<{ member_key: string; signal: string; reason: string }>(
        conn, "select member_key, signal, reason from pub_member_signal where week = $week", { week });
      const byMember = new Map(members.map((m) => [`${m.member_key}|${m.signal}`, m.reason]));
      const memberRows = csv("member_signals.csv");
      expect(memberRows.length).toBe(members.length);
      for (const row of memberRows) expect(row.reason).toBe(byMember.get(`${row.member_key}|${row.signal}`));

      // a call-list line quotes the person's own sentences verbatim
      const own = new Set(members.map((m) => m.reason));
      const lines = listFiles(join(out, week)).filter((f) => f.startsWith("calls/") && f.endsWith(".csv")).flatMap((f) => csv(f));
      const quoted = lines.flatMap((l) => (/^本人：(.*?)(。集团：|$)/.exec(l.reason)?.[1] ?? "").split("；").filter(Boolean));
      expect(quoted.length).toBeGreaterThan(0);
      // a dual-phone sentence holds "；" between its models: match sentence starts
      for (const q of quoted) expect([...own].some((r) => r.startsWith(q) || r.includes(q)), q).toBe(true);
      for (const l of lines) expect(l.reason, l.group_id).not.toMatch(NOT_PLAIN_CHINESE);
    });
  });
});
