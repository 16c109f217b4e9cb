import type { DashboardQuery } from "./dashboardWarehouse.ts";
import type { ScoredConfig } from "./scoredConfig.ts";
import { signalNames } from "./signalNames.ts";
import { beijingTime } from "../lib/beijingTime.ts";

/**
 * What every page needs first: the scored weeks (scored_at in Beijing time, as score_runs keeps
 * it), the latest, the signals' and tiers' names, the tier cut-offs and the settings the pages
 * word their figures with, all from the configuration the latest week was scored with.
 */
export async function dashboardMeta(q: DashboardQuery, scored: ScoredConfig) {
  const weeks = await q.rows<{ week: string; config_hash: string; scored_at: string }>("meta_weeks");
  const population = await q.rows<{ week: string; minutes_per_member: number | null }>("drill_population");
  return {
    generated_at: beijingTime(new Date()),
    weeks,
    latest_week: scored.week,
    config_hash: scored.hash,
    signals: signalNames(),
    tiers: [
      { code: "high", zh: "高", action: "经理与主管本周走访" },
      { code: "medium", zh: "中", action: "经理本周致电" },
      { code: "low", zh: "低", action: "观察" },
    ],
    high_min_score: scored.config.scoring.highMinScore,
    medium_min_score: scored.config.scoring.mediumMinScore,
    retention_window_weeks: scored.config.signals.retentionDrop.windowWeeks,
    min_cases: scored.dashboard.minCases,
    // Minutes per member active all week, averaged over every group of the week (drill-downs compare with it).
    population_minutes: Object.fromEntries(population.map((p) => [p.week, p.minutes_per_member])),
  };
}
