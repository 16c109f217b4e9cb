import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { bucketCount, bucketFile, groupBucket } from "./groupBucket.ts";
import { groupPageSlug } from "./groupPageSlug.ts";

type Row = Record<string, unknown> & { group_id: string };

/** The drill-down groups: every group published in a scored week, in id order. */
export async function drillDownGroups(q: DashboardQuery): Promise<Row[]> {
  if (!(await q.hasTable("pub_group_week"))) return [];
  await q.exec("drill_groups");
  return q.rows<Row>("drill_facts");
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

/**
 * One group's drill-down data, compact: the weeks it was published in, then per week (columns
 * aligned to `weeks`) its figures, signals and forwarding by week index, its members with one
 * entry per week (drill_members.sql), their signals by week and member index, and each distinct
 * sentence once (`texts`). About 10–15 kB for a group of 40 members over 26 weeks.
 */
function groupPayload(
  facts: Row,
  parts: { weeks: Row[]; signals: Row[]; members: Row[]; memberSignals: Row[]; forwarding: Row[]; handsets: Row[] },
) {
  const weeks = parts.weeks.map((w) => String(w.week));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const memberIndex = new Map(parts.members.map((m, i) => [String(m.member_key), i]));
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
  const memberColumns = columns(parts.members, ["group_id"]);
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
    members: { ...memberColumns, handset: (memberColumns.handset ?? []).map((weeks) => changes(weeks as Array<number | null>)) },
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
  /** Files for the groups archive: `b0000.json` … each `{ <page>: group }`. */
  files: Array<{ name: string; data: Uint8Array }>;
  buckets: number;
}

/**
 * Every group's drill-down data, as published, in `bucketCount` files: one file per group would
 * be 5,000 files at city scale (Framework unzips each one from the archive separately, and the
 * page would name 5,000 attachments), so groups share files by the hash of their page name
 * (groupBucket.ts) and a drill-down fetches only its own file. Members appear by the published
 * pseudonym and masked number only (privacy.md): no query here returns a full number.
 */
export async function groupArchive(q: DashboardQuery): Promise<GroupArchive> {
  const groups = await drillDownGroups(q);
  const buckets = bucketCount(groups.length);
  const weeks = byGroup(await q.rows<Row>("drill_weeks"));
  const signals = byGroup(await q.rows<Row>("drill_signals"));
  const members = byGroup(await q.rows<Row>("drill_members"));
  const memberSignals = byGroup(await q.rows<Row>("drill_member_signals"));
  const forwarding = byGroup(await q.rows<Row>("drill_forwarding"));
  const handsets = byGroup(await q.rows<Row>("drill_handsets"));

  const files: Array<Record<string, unknown>> = Array.from({ length: buckets }, () => ({}));
  for (const facts of groups) {
    const id = facts.group_id;
    const page = groupPageSlug(id);
    files[groupBucket(page, buckets)][page] = groupPayload(facts, {
      weeks: weeks.get(id) ?? [],
      signals: signals.get(id) ?? [],
      members: members.get(id) ?? [],
      memberSignals: memberSignals.get(id) ?? [],
      forwarding: forwarding.get(id) ?? [],
      handsets: handsets.get(id) ?? [],
    });
  }
  return {
    buckets,
    files: files.map((content, i) => ({ name: bucketFile(i), data: Buffer.from(JSON.stringify(content), "utf8") })),
  };
}
