import { addDays, addWeeks, weekStart } from "../lib/isoWeek.ts";

/** outputs.md: a returned `contacted_on` must fall in the list's week or the weeks after it, this many. */
const WEEKS_AFTER_THE_LIST = 4;

/**
 * The dates a returned call list may give as `contacted_on` for week W: Monday of W to the Sunday
 * four weeks later. The workbook's date validation offers this range; reading a returned list checks it.
 */
export function contactedOnWindow(week: string): { first: string; last: string } {
  return { first: weekStart(week), last: addDays(weekStart(addWeeks(week, WEEKS_AFTER_THE_LIST + 1)), -1) };
}
