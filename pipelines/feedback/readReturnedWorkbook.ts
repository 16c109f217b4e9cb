import ExcelJS from "exceljs";
import type { FeedbackConfig } from "../config/feedbackConfig.ts";
import { callListLayout as layout } from "../export/callListLayout.ts";
import { workbookColumns } from "../export/workbookColumns.ts";
import { cellText } from "./cellText.ts";
import { checkUnpackedSize } from "./checkUnpackedSize.ts";
import { columnKeyOf } from "./columnKeyOf.ts";
import { indexColumns } from "./indexColumns.ts";
import { Refusal } from "./refusal.ts";
import type { ReturnedCell, ReturnedSheet } from "./returnedSheet.ts";

/** A row's cells as text (null when empty), by 0-based column index. */
function rowTexts(row: ExcelJS.Row): Array<ReturnedCell | null> {
  const texts: Array<ReturnedCell | null> = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => (texts[column - 1] = cellText(cell.value)));
  return Array.from(texts, (t) => t ?? null);
}

const asKey = (cell: ReturnedCell | null) => (typeof cell === "string" ? columnKeyOf(cell) : null);

/** What the info sheet says, key in column A, value in column B (addListInfoSheet.ts). */
function readInfo(sheet: ExcelJS.Worksheet | undefined): ReturnedSheet["info"] {
  if (!sheet) return null;
  const info: Record<string, string | null> = {};
  sheet.eachRow((row) => {
    const [key, value] = rowTexts(row);
    if (typeof key === "string") info[key] = typeof value === "string" ? value : null;
  });
  return { managerId: info.manager_id, week: info.week };
}

/**
 * A returned workbook: the sheet whose hidden key row holds the list's keys (whatever the sheet is
 * called by now), its columns matched on those keys, its lines from row 3 (callListLayout.ts), and
 * what the very-hidden info sheet says about whose list it is. Checked first against
 * `feedback.maxUnpackedBytes`, since opening it unpacks it whole.
 */
export async function readReturnedWorkbook(bytes: Buffer, config: FeedbackConfig): Promise<ReturnedSheet> {
  checkUnpackedSize(bytes, config.maxUnpackedBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  } catch {
    throw new Refusal("not a readable workbook: a spreadsheet program cannot have saved it as it is");
  }
  const lists = workbook.worksheets.filter((sheet) => {
    if (sheet.name === layout.infoSheetName) return false;
    const keys = rowTexts(sheet.getRow(layout.keyRow)).map(asKey);
    return keys.includes("group_id") && keys.includes("person_msisdn");
  });
  if (lists.length === 0) throw new Refusal(`no call-list sheet: no sheet holds the list's column keys in its hidden row ${layout.keyRow} (was that row deleted?)`);
  if (lists.length > 1) throw new Refusal("more than one sheet holds a call list: return one list per file");
  const [sheet] = lists;
  const describe = (i: number, key: string) => {
    const header = workbookColumns.find((c) => c.key === key)?.header;
    const letter = sheet.getColumn(i + 1).letter;
    return `${key} (${header ? `${header}, ` : ""}column ${letter})`;
  };
  const { keyAt, columns } = indexColumns(rowTexts(sheet.getRow(layout.keyRow)).map(asKey), layout.keyRow, describe);
  const lines: ReturnedSheet["lines"] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < layout.firstDataRow) return;
    const cells = new Map<string, ReturnedCell>();
    rowTexts(row).forEach((text, i) => {
      const key = keyAt.get(i);
      if (key !== undefined && text !== null) cells.set(key, text);
    });
    if (cells.size > 0) lines.push({ row: rowNumber, cells });
  });
  return { info: readInfo(workbook.getWorksheet(layout.infoSheetName)), columns, lines };
}
