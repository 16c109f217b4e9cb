import type { DashboardQuery } from "./dashboardWarehouse.ts";
import type { ScoredConfig } from "./scoredConfig.ts";
import { signalNames } from "./signalNames.ts";

/** What every page needs first: the scored weeks, the latest, names of signals and tiers. */
export async function dashboardMeta(q: DashboardQuery, scored: ScoredConfig) {
  const weeks = await q.rows<{ week: string; config_hash: string; scored_at: string }>("meta_weeks");
  return {
    generated_at: new Date().toISOString(),
    weeks,
    latest_week: scored.week,
    config_hash: scored.hash,
    signals: signalNames(),
    tiers: [
      { code: "high", zh: "高", en: "high", action: "经理与主管本周走访 · visit this week" },
      { code: "medium", zh: "中", en: "medium", action: "经理本周致电 · call this week" },
      { code: "low", zh: "低", en: "low", action: "观察 · watch" },
    ],
  };
}
