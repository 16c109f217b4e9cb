import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { signalNames } from "./signalNames.ts";

const NOT_SCORED = "no week is scored yet: run `churnwatch score` (or `churnwatch run`)";

/** What every page needs first: the scored weeks, the latest, names of signals and tiers. */
export async function dashboardMeta(q: DashboardQuery) {
  if (!(await q.hasTable("score_runs"))) throw new Error(NOT_SCORED);
  const weeks = await q.rows<{ week: string; config_hash: string; scored_at: string }>("meta_weeks");
  if (weeks.length === 0) throw new Error(NOT_SCORED);
  return {
    generated_at: new Date().toISOString(),
    weeks,
    latest_week: weeks[weeks.length - 1].week,
    config_hash: q.loaded.hash,
    signals: signalNames(),
    tiers: [
      { code: "high", zh: "高", en: "high", action: "经理与主管本周走访 · visit this week" },
      { code: "medium", zh: "中", en: "medium", action: "经理本周致电 · call this week" },
      { code: "low", zh: "低", en: "low", action: "观察 · watch" },
    ],
  };
}
