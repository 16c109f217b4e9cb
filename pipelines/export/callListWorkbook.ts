import ExcelJS from "exceljs";
import type { CallListRow } from "./buildCallLists.ts";
import { addHowToUseSheet } from "./addHowToUseSheet.ts";
import { addListSheet } from "./addListSheet.ts";
import { addListInfoSheet } from "./addListInfoSheet.ts";
import { fixZipTimestamps } from "./fixZipTimestamps.ts";

/**
 * A manager's call list as a workbook, for people: the list sheet (Chinese header and labels, the
 * feedback columns with drop-downs, A4 landscape; see addListSheet.ts and callListLayout.ts), then
 * 使用说明, then the very-hidden info sheet saying whose list it is (addListInfoSheet.ts), which a
 * returned workbook is matched on. The CSV beside it keeps the contract's English names and codes.
 * Byte-stable: the workbook dates and every zip entry's time are `asOf` (the Monday after the week),
 * never the wall clock.
 * `managerId`: the list's manager (null: the groups without one); until a caller passes it, the
 * label is taken for the id, which it is for every manager but the no-manager list.
 */
export async function callListWorkbook(
  week: string, managerLabel: string, rows: CallListRow[], asOf: string, managerId: string | null = managerLabel,
): Promise<Buffer> {
  const stamp = new Date(`${asOf}T00:00:00+08:00`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "churnwatch";
  workbook.lastModifiedBy = "churnwatch";
  workbook.created = stamp;
  workbook.modified = stamp;
  addListSheet(workbook, week, managerLabel, rows);
  addHowToUseSheet(workbook, week, managerLabel, asOf);
  addListInfoSheet(workbook, week, managerId);
  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}
