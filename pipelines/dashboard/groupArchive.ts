import { listValue } from "@duckdb/node-api";
import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { bucketCount, bucketFile, groupBucket, partCount } from "./groupBucket.ts";
import { groupPageSlug } from "./groupPageSlug.ts";

type Row = Record<string, unknown> & { group_id: string };

/** Groups whose drill-down data are read in one go (~540,000 member-weeks, ~25,000 members at city scale). */
const BATCH_GROUPS = 500;

/** The drill-down groups: every group published in a scored week, in id order, with its batch. */
export async function drillDownGroups(q: DashboardQuery): Promise<Row[]> {
  // (each batch's drill_* models then read the groups of dash_drill_batch: drill_batch.sql)
  if (!(await q.hasTable("pub_group_week"))) return [];
  await q.exec("drill_groups");
  return q.rows<Row>("drill_facts");
}

/**
 * A model's rows, read as columns (DuckDB's JSON row objects are several times slower to make).
 * Whole numbers come as numbers (the models cast; a stray BIGINT is made a number here).
 */
async function readRows(q: DashboardQuery, name: string): Promise<Row[]> {
  const columns = await q.columns(name);
  const names = Object.keys(columns);
  const count = names.length ? columns[names[0]].length : 0;
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const n of names) {
      const v = columns[n][i];
      row[n] = typeof v === "bigint" ? Number(v) : v;
    }
    rows[i] = row as Row;
  }
  return rows;
}

function byGroup<T extends Row>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    let list = out.get(row.group_id);
    if (!list) out.set(row.group_id, (list = []));
    list.push(row);
  }
  return out;
}

/** Rows as columns (name → values), without the keys the file states once. */
function columns(rows: Row[], omit: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) if (!omit.includes(k)) (out[k] ??= []).push(v ?? null);
  }
  return out;
}

const WEEK_TEXT_COLUMNS = ["reasons", "tier_reason"];

/**
 * A per-week series as its changes, `[[week index, value], …]`: a member's handset stays the same
 * for weeks, so one entry usually stands for all 26.
 */
function changes(values: Array<number | null>): Array<[number, number | null]> {
  const out: Array<[number, number | null]> = [];
  values.forEach((v, i) => {
    if (i === 0 || v !== values[i - 1]) out.push([i, v ?? null]);
  });
  return out;
}

/** The weekly codes of drill_members.sql's `weeks`, in their order there. */
const WEEKLY_CODES = ["status", "role", "active_days", "seen_weekday"] as const;

/**
 * A group's members (drill_members.sql) with their weeks spread over all of the group's weeks:
 * one character a week in the codes ('-' not listed), one value a week in the lists (null not
 * listed); the handset numbered as in `handsetKeys` (drill_handsets.sql's order).
 */
function membersOf(rows: Row[], weeks: number, handsetKeys: Map<string, number>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {
    member_key: [], msisdn_masked: [], vip_level: [], is_key_person: [], is_mid_high_end: [], plan_fee_cny: [], join_date: [], contract_end: [],
    status: [], role: [], active_days: [], seen_weekday: [], minutes: [], baseline: [], handset: [],
  };
  const sorted = [...rows].sort(
    (a, b) => Number(b.is_key_person) - Number(a.is_key_person) || String(a.member_key).localeCompare(String(b.member_key)),
  );
  for (const m of sorted) {
    for (const key of ["member_key", "msisdn_masked", "vip_level", "is_key_person", "is_mid_high_end", "plan_fee_cny", "join_date", "contract_end"]) {
      out[key].push(m[key] ?? null);
    }
    const codes = WEEKLY_CODES.map(() => Array<string>(weeks).fill("-"));
    const minutes = Array<number | null>(weeks).fill(null);
    const baseline = Array<number | null>(weeks).fill(null);
    const handset = Array<number | null>(weeks).fill(null);
    for (const cell of String(m.weeks ?? "").split(";")) {
      if (!cell) continue;
      const [index, code, mins, base, key] = cell.split(":");
      const i = Number(index);
      for (let k = 0; k < WEEKLY_CODES.length; k++) codes[k][i] = code[k];
      minutes[i] = mins === "" ? null : Number(mins);
      baseline[i] = base === "" ? null : Number(base);
      handset[i] = key === "" ? null : handsetKeys.get(key) ?? null;
    }
    WEEKLY_CODES.forEach((key, k) => out[key].push(codes[k].join("")));
    out.minutes.push(minutes);
    out.baseline.push(baseline);
    out.handset.push(changes(handset));
  }
  return out;
}

/**
 * One group's drill-down data, compact: the weeks it was published in, then per week (columns
 * aligned to `weeks`) its figures, signals and forwarding by week index, its members with one
 * entry per week (drill_members.sql), their signals by week and member index, and each distinct
 * sentence once (`texts`). About 24 kB for a group of 40 members over 26 weeks.
 */
function groupPayload(
  facts: Row,
  parts: { weeks: Row[]; signals: Row[]; members: Row[]; handsets: Row[]; memberSignals: Row[]; forwarding: Row[] },
) {
  const weeks = parts.weeks.map((w) => String(w.week));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (s: unknown) => {
    const t = String(s ?? "");
    let i = textIndex.get(t);
    if (i === undefined) textIndex.set(t, (i = texts.push(t) - 1));
    return i;
  };
  const weekColumns = columns(parts.weeks, ["group_id", "week"]);
  for (const key of WEEK_TEXT_COLUMNS) weekColumns[key] = (weekColumns[key] ?? []).map(text);
  const handsetKeys = new Map(parts.handsets.map((h, i) => [String(h.handset_key), i]));
  const members = membersOf(parts.members, weeks.length, handsetKeys);
  const memberIndex = new Map((members.member_key as string[]).map((m, i) => [m, i]));
  return {
    id: facts.group_id,
    name: facts.group_name ?? null,
    class: facts.group_class ?? null,
    industry: facts.industry ?? null,
    org_type: facts.org_type ?? null,
    branch: facts.branch ?? null,
    weeks,
    w: weekColumns,
    // columns of `w` holding sentence indices into `texts` (a sentence often repeats for weeks)
    w_text: WEEK_TEXT_COLUMNS,
    // [week index, code, severity, members affected, since week, sentence index]
    signals: parts.signals.map((s) => [weekIndex.get(String(s.week)), s.signal, s.severity, s.members_affected, s.since_week, text(s.reason)]),
    members,
    // [week index, member index, code, severity, sentence index]
    member_signals: parts.memberSignals
      .filter((s) => weekIndex.has(String(s.week)) && memberIndex.has(String(s.member_key)))
      .map((s) => [weekIndex.get(String(s.week)), memberIndex.get(String(s.member_key)), s.signal, s.severity, text(s.reason)]),
    texts,
    // [week index, network, calls, members forwarding, distinct targets]
    forwarding: parts.forwarding.map((f) => [weekIndex.get(String(f.week)), f.network, f.calls, f.members, f.targets]),
    // [brand, model, dual-SIM, CDMA2000], numbered as members.handset
    handsets: parts.handsets.map((h) => [h.brand, h.model, h.dual_sim, h.cdma2000]),
  };
}

export interface GroupArchive {
  /** This archive's drill-down files: `b0000.json` … each `{ <page>: group }`. */
  files: Array<{ name: string; data: Uint8Array }>;
  buckets: number;
  parts: number;
}

/**
 * The drill-down data of the groups archive `part` holds (groups<part>.zip: the files whose number
 * modulo partCount() is `part`), as published: one file per group would be 5,000 files at city
 * scale (the page would name 5,000 attachments), so groups share files by the hash of their page
 * name (groupBucket.ts) and a drill-down fetches only its own file. Read BATCH_GROUPS groups at a
 * time. Members appear by the published pseudonym and masked number only (privacy.md): no query
 * here returns a full number.
 */
export async function groupArchive(q: DashboardQuery, part = 0): Promise<GroupArchive> {
  const groups = await drillDownGroups(q);
  const buckets = bucketCount(groups.length);
  const parts = partCount(buckets);
  const facts = new Map(groups.map((g) => [g.group_id, g]));
  const mine = groups.filter((g) => groupBucket(groupPageSlug(g.group_id), buckets) % parts === part).map((g) => g.group_id);
  // Each group's JSON, kept as text per file until every batch is read.
  const files = new Map<number, string[]>();
  for (let b = part; b < buckets; b += parts) files.set(b, []);
  for (let start = 0; start < mine.length; start += BATCH_GROUPS) {
    await q.exec("drill_batch", { ids: listValue(mine.slice(start, start + BATCH_GROUPS)) });
    const weeks = byGroup(await readRows(q, "drill_weeks"));
    const signals = byGroup(await readRows(q, "drill_signals"));
    const members = byGroup(await readRows(q, "drill_members"));
    const handsets = byGroup(await readRows(q, "drill_handsets"));
    const memberSignals = byGroup(await readRows(q, "drill_member_signals"));
    const forwarding = byGroup(await readRows(q, "drill_forwarding"));
    for (const [id, groupWeeks] of weeks) {
      const page = groupPageSlug(id);
      const payload = groupPayload(facts.get(id) ?? { group_id: id }, {
        weeks: groupWeeks,
        signals: signals.get(id) ?? [],
        members: members.get(id) ?? [],
        handsets: handsets.get(id) ?? [],
        memberSignals: memberSignals.get(id) ?? [],
        forwarding: forwarding.get(id) ?? [],
      });
      files.get(groupBucket(page, buckets))!.push(`${JSON.stringify(page)}:${JSON.stringify(payload)}`);
    }
  }
  return {
    buckets,
    parts,
    files: [...files].map(([b, entries]) => ({ name: bucketFile(b), data: Buffer.from(`{${entries.join(",")}}`, "utf8") })),
  };
}
