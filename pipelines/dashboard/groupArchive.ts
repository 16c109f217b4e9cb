import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { groupPageSlug } from "./groupPageSlug.ts";

type Row = Record<string, unknown> & { group_id: string };

/** The drill-down groups (medium/high in any scored week), in id order. */
export async function drillDownGroupIds(q: DashboardQuery): Promise<string[]> {
  if (!(await q.hasTable("pub_group_week"))) return [];
  await q.exec("drill_groups");
  const rows = await q.rows<{ group_id: string }>("drill_group_ids");
  return rows.map((r) => r.group_id);
}

function byGroup<T extends Row>(rows: T[]): Map<string, Omit<T, "group_id">[]> {
  const out = new Map<string, Omit<T, "group_id">[]>();
  for (const { group_id, ...rest } of rows) {
    let list = out.get(group_id);
    if (!list) out.set(group_id, (list = []));
    list.push(rest);
  }
  return out;
}

/**
 * One JSON file per drill-down group, `<slug>.json`: everything its page shows, as published.
 * Members appear by the published pseudonym and masked number only (privacy.md): no query here
 * returns a full number, so the loader needs no pseudonym key.
 */
export async function groupArchive(q: DashboardQuery): Promise<Array<{ name: string; data: Uint8Array }>> {
  const ids = await drillDownGroupIds(q);
  const facts = new Map((await q.rows<Row>("drill_facts")).map((r) => [r.group_id, r]));
  const weeks = byGroup(await q.rows<Row>("drill_weeks"));
  const signals = byGroup(await q.rows<Row>("drill_signals"));
  const members = byGroup(await q.rows<Row>("drill_members"));
  const memberSignals = byGroup(await q.rows<Row>("drill_member_signals"));
  const forwarding = byGroup(await q.rows<Row>("drill_forwarding"));
  const handsets = byGroup(await q.rows<Row>("drill_handsets"));

  return ids.map((id) => {
    const { group_id: _, ...group } = facts.get(id) ?? { group_id: id };
    const payload = {
      group_id: id,
      group,
      weeks: weeks.get(id) ?? [],
      signals: signals.get(id) ?? [],
      members: members.get(id) ?? [],
      member_signals: memberSignals.get(id) ?? [],
      forwarding: forwarding.get(id) ?? [],
      handsets: handsets.get(id) ?? [],
    };
    return { name: `${groupPageSlug(id)}.json`, data: Buffer.from(JSON.stringify(payload), "utf8") };
  });
}
