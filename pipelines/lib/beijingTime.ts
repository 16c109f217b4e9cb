import { utcTime } from "./utcTime.ts";

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A moment as Beijing time (北京时间, UTC+8, no daylight saving; the extract's own times are in it),
 * "YYYY-MM-DD HH:MM:SS", with milliseconds when asked: what score_runs, backtest_runs and the
 * dashboard's "generated at" keep, whatever zone the machine is set to.
 */
export function beijingTime(date: Date, withMs = false): string {
  return utcTime(new Date(date.getTime() + BEIJING_OFFSET_MS), withMs);
}
