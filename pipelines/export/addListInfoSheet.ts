import type ExcelJS from "exceljs";
import { callListLayout as layout } from "./callListLayout.ts";

/**
 * The very-hidden info sheet (callListLayout.ts): whose list this is (`manager_id`, empty for the
 * groups without a manager) and its `week`, so a returned workbook answers for that manager's
 * groups only, even renamed. Very hidden rather than hidden: the manager cannot unhide and edit it
 * from the sheet menu by accident. Text cells, so an id such as 007 stays 007.
 */
export function addListInfoSheet(workbook: ExcelJS.Workbook, week: string, managerId: string | null): void {
  const sheet = workbook.addWorksheet(layout.infoSheetName, { state: "veryHidden" });
  const info: Array<[string, string]> = [["manager_id", managerId ?? ""], ["week", week]];
  for (const [key, value] of info) {
    const row = sheet.addRow([key, value]);
    row.eachCell((cell) => (cell.numFmt = "@"));
  }
}
