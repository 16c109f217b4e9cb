/**
 * The State Council's published holiday schedules (国务院办公厅关于部分节假日安排的通知): the days
 * off, and the weekend days worked in exchange (调休). Only years already published are here; add a
 * year when its notice appears (each November), or give its dates in `export.holidays` and
 * `export.makeUpWorkdays` (README "Due dates").
 */
const schedules: Record<number, { off: Array<[string, string]>; worked: string[] }> = {
  // 国办发明电〔2024〕12号, 2024-11-12
  2025: {
    off: [
      ["2025-01-01", "2025-01-01"], ["2025-01-28", "2025-02-04"], ["2025-04-04", "2025-04-06"],
      ["2025-05-01", "2025-05-05"], ["2025-05-31", "2025-06-02"], ["2025-10-01", "2025-10-08"],
    ],
    worked: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
  2026: {
    off: [
      ["2026-01-01", "2026-01-03"], ["2026-02-15", "2026-02-23"], ["2026-04-04", "2026-04-06"],
      ["2026-05-01", "2026-05-05"], ["2026-06-19", "2026-06-21"], ["2026-09-25", "2026-09-27"],
      ["2026-10-01", "2026-10-07"],
    ],
    worked: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Every shipped day off and make-up working day, as 'YYYY-MM-DD', and the years they cover. */
export const chinaWorkCalendar = {
  years: Object.keys(schedules).map(Number),
  holidays: Object.values(schedules).flatMap((y) => y.off.flatMap(([from, to]) => daysBetween(from, to))),
  makeUpWorkdays: Object.values(schedules).flatMap((y) => y.worked),
};
