import type { ExportConfig } from "../config/exportConfig.ts";
import { addDays, addWeeks, weekStart } from "../lib/isoWeek.ts";

function isWorkingDay(isoDate: string, config: ExportConfig): boolean {
  if (config.makeUpWorkdays.includes(isoDate)) return true;
  if (config.holidays.includes(isoDate)) return false;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date a group's calls are due: `dueWorkingDays[class]` working days after the Monday that
 * follows the scored week (the Monday itself is day 0; weekends and configured holidays are skipped,
 * make-up workdays count). With the defaults, week 2026-W47 gives A/B Wednesday 2026-11-25 and
 * C Monday 2026-11-30. A group with no or an unknown class takes `dueDefaultClass`.
 */
export function dueDate(week: string, groupClass: string | null, config: ExportConfig): string {
  const cls = groupClass === "A" || groupClass === "B" || groupClass === "C" ? groupClass : config.dueDefaultClass;
  let date = weekStart(addWeeks(week, 1));
  for (let left = config.dueWorkingDays[cls]; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, config)) left--;
  }
  return date;
}
