import type { ExportConfig } from "../config/exportConfig.ts";
import { addDays, addWeeks, weekStart } from "../lib/isoWeek.ts";
import { chinaWorkCalendar } from "./chinaWorkCalendar.ts";

/** Whether a day is worked: a make-up day always, a holiday never, else Monday to Friday. */
export function isWorkingDay(isoDate: string, config: ExportConfig): boolean {
  if (config.makeUpWorkdays.includes(isoDate) || chinaWorkCalendar.makeUpWorkdays.includes(isoDate)) return true;
  if (config.holidays.includes(isoDate) || chinaWorkCalendar.holidays.includes(isoDate)) return false;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date a call-list line is due: the n-th working day of the week after the extract week (the
 * week the list is worked), n = dueWorkingDays.high for a `high` group, else by the group's class
 * (dueDefaultClass when none). A week with fewer working days (a holiday) is due on its last one;
 * a week with none (the Spring Festival) on the first working day after it. With the defaults,
 * extract week 2026-W47 gives high Tuesday 2026-11-24, A/B Wednesday 11-25, C Friday 11-27.
 */
export function dueDate(week: string, tier: string, groupClass: string | null, config: ExportConfig): string {
  const cls = groupClass === "A" || groupClass === "B" || groupClass === "C" ? groupClass : config.dueDefaultClass;
  const wanted = tier === "high" ? config.dueWorkingDays.high : config.dueWorkingDays[cls];
  const monday = weekStart(addWeeks(week, 1));
  const workdays = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i)).filter((d) => isWorkingDay(d, config));
  if (workdays.length > 0) return workdays[Math.min(wanted, workdays.length) - 1];
  let date = addDays(monday, 7);
  while (!isWorkingDay(date, config)) date = addDays(date, 1);
  return date;
}
