import ExcelJS from "exceljs";
import type { CallListRow } from "./buildCallLists.ts";
import { addHowToUseSheet } from "./addHowToUseSheet.ts";
import { addListSheet } from "./addListSheet.ts";
import { fixZipTimestamps } from "./fixZipTimestamps.ts";

/**
 * A manager's call list as a workbook, for people: the list sheet (Chinese header and labels, the
 * feedback columns with drop-downs, A4 landscape; see addListSheet.ts and callListLayout.ts), then
 * 使用说明. The CSV beside it keeps the contract's English names and codes.
 * Byte-stable: the workbook dates and every zip entry's time are `asOf` (the Monday after the week),
 * never the wall clock.
 */
export async function callListWorkbook(week: string, managerLabel: string, rows: CallListRow[], asOf: string): Promise<Buffer> {
  const stamp = new Date(`${asOf}T00:00:00+08:00`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "churnwatch";
  workbook.lastModifiedBy = "churnwatch";
  workbook.created = stamp;
  workbook.modified = stamp;
  addListSheet(workbook, week, managerLabel, rows);
  addHowToUseSheet(workbook, week, managerLabel, asOf);
  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}
