import type { Random } from "./Random.ts";
import type { RunCalendar } from "./RunCalendar.ts";
import type { GeneratorParams } from "./generatorDefaults.ts";

/**
 * An agreement end for a group or member that no planted expiry can be confused with: null, or
 * far enough after the run's last day (README: "contract_end ≥ 3 months away or null").
 */
export function contractEndDate(rng: Random, share: number, calendar: RunCalendar, params: GeneratorParams): string | null {
  if (!rng.chance(share)) return null;
  const { contractMinDaysAway, contractMaxDaysAway } = params.population;
  return calendar.dateOf(calendar.lastDay + rng.int(contractMinDaysAway, contractMaxDaysAway));
}
