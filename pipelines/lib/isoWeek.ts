/** ISO weeks ('2026-W47'): Monday to Sunday, local dates (Asia/Shanghai, no DST). */
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(week: string): boolean {
  const m = WEEK_RE.exec(week);
  if (!m) return false;
  const w = Number(m[2]);
  return w >= 1 && w <= weeksInYear(Number(m[1]));
}

function weeksInYear(year: number): number {
  // A year has 53 ISO weeks when Dec 28 falls in week 53.
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;
}

function isoWeekOf(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return { year: d.getUTCFullYear(), week };
}

/** The ISO week containing a calendar date given as 'YYYY-MM-DD'. */
export function weekOfDate(isoDate: string): string {
  const { year, week } = isoWeekOf(new Date(`${isoDate}T00:00:00Z`));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday of the week as 'YYYY-MM-DD'. */
export function weekStart(week: string): string {
  const m = WEEK_RE.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(m[2]) - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/** The date `days` after 'YYYY-MM-DD'. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The week `n` weeks after `week` (negative for before). */
export function addWeeks(week: string, n: number): string {
  return weekOfDate(addDays(weekStart(week), 7 * n));
}
