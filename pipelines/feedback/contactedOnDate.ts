import type { ReturnedCell } from "./returnedSheet.ts";

const DATE_TEXT = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * A `contacted_on` cell as 'YYYY-MM-DD', or null when it is not a date. A workbook's date cell
 * arrives as a Date (exceljs reads the stored day as midnight UTC); text may be `2026-11-25`, or
 * `2026/11/25` as Chinese Excel writes a date when it saves a CSV.
 */
export function contactedOnDate(cell: ReturnedCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const m = DATE_TEXT.exec(cell);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  // A day that does not exist (2026-02-30) rolls over in Date; it is not a date.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
