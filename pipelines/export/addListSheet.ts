import type ExcelJS from "exceljs";
import type { CallListRow } from "./buildCallLists.ts";
import { a4PageSetup } from "./a4PageSetup.ts";
import { callListLayout as layout } from "./callListLayout.ts";
import { contactedOnWindow } from "./contactedOnWindow.ts";
import { fitRowHeight } from "./fitRowHeight.ts";
import { labelOf } from "./workbookColumn.ts";
import { workbookColumns, type ListSheetColumn } from "./workbookColumns.ts";

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
// The list's header in blue, the columns the manager fills in in green, their cells pale yellow.
const LIST_HEADER_FILL = solid("FF1F4E79");
const FEEDBACK_HEADER_FILL = solid("FF548235");
const FILL_IN_FILL = solid("FFFFF2CC");
const HIGH_FILL = solid("FFFCE4D6");
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
// "@" (Text): what is in a cell, or what the manager types into it, stays text — never a formula.
const TEXT_FORMAT = "@";
const DATE_FORMAT = "yyyy-mm-dd";

/** What the manager reads in a cell: a code's label, a number as a number, anything else as text. */
function shown(column: ListSheetColumn, value: string | number | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  const label = labelOf(column, String(value));
  if (label !== undefined) return label;
  return typeof value === "number" ? value : String(value);
}

function dropDown(column: ListSheetColumn): ExcelJS.DataValidation {
  const labels = (column.values ?? []).map((v) => v.label);
  return {
    type: "list",
    allowBlank: true,
    // An inline list: the labels are short and fixed (a test keeps commas out of them).
    formulae: [`"${labels.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: column.header,
    error: `请从下拉列表中选择：${labels.join("、")}`,
  };
}

function dateRange(week: string): ExcelJS.DataValidation {
  const { first, last } = contactedOnWindow(week);
  return {
    type: "date",
    operator: "between",
    allowBlank: true,
    formulae: [new Date(`${first}T00:00:00Z`), new Date(`${last}T00:00:00Z`)],
    showInputMessage: true,
    prompt: `填写联系日期，如 ${first}`,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "联系日期",
    error: `请填写 ${first} 至 ${last} 之间的日期`,
  };
}

function styleHeader(cell: ExcelJS.Cell, column: ListSheetColumn): void {
  cell.font = HEADER_FONT;
  cell.fill = column.input ? FEEDBACK_HEADER_FILL : LIST_HEADER_FILL;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  cell.border = BORDER;
}

function styleData(cell: ExcelJS.Cell, column: ListSheetColumn, high: boolean): void {
  cell.alignment = { vertical: "top", wrapText: true };
  cell.border = BORDER;
  if (column.input) cell.fill = FILL_IN_FILL;
  else if (high) cell.fill = HIGH_FILL;
  if (column.input === "date") cell.numFmt = DATE_FORMAT;
  else if (typeof cell.value === "string" || column.input) cell.numFmt = TEXT_FORMAT;
}

function fitHeight(row: ExcelJS.Row): void {
  row.height = fitRowHeight(workbookColumns.map((column, i) => ({ text: String(row.getCell(i + 1).value ?? ""), width: column.width })));
}

/**
 * The list sheet (layout in callListLayout.ts): the hidden key row, the Chinese header, one line per
 * person with codes shown as labels, then the empty feedback cells with drop-downs and a date range.
 * Strings are written as text cells, so a value such as `=HYPERLINK(…)` is shown, never evaluated.
 * Printed on A4 landscape, fitted to the page width, the header repeated on every page.
 */
export function addListSheet(workbook: ExcelJS.Workbook, week: string, managerLabel: string, rows: CallListRow[]): void {
  const sheet = workbook.addWorksheet(layout.sheetName(week), {
    views: [{ state: "frozen", ySplit: layout.headerRow, topLeftCell: `A${layout.firstDataRow}` }],
    pageSetup: a4PageSetup("landscape", layout.headerRow),
    headerFooter: {
      // "&" starts a header/footer code; "&&" prints one.
      oddHeader: `&L${managerLabel.replace(/&/g, "&&")} 集团客户挽留呼叫清单 ${week}&R保密：仅限本人使用`,
      oddFooter: "&C第 &P 页，共 &N 页",
    },
  });
  workbookColumns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    sheet.getRow(layout.keyRow).getCell(i + 1).value = column.key;
    const header = sheet.getRow(layout.headerRow).getCell(i + 1);
    header.value = column.header;
    styleHeader(header, column);
  });
  sheet.getRow(layout.keyRow).hidden = true;
  fitHeight(sheet.getRow(layout.headerRow));

  const validation = (column: ListSheetColumn) =>
    column.input === "list" ? dropDown(column) : column.input === "date" ? dateRange(week) : undefined;
  rows.forEach((row, r) => {
    const line = sheet.getRow(layout.firstDataRow + r);
    workbookColumns.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      cell.value = column.input ? null : shown(column, row[column.key as keyof CallListRow]);
      styleData(cell, column, row.tier === "high");
      // Per cell; exceljs merges equal neighbours into one range per column when it writes.
      const rule = validation(column);
      if (rule) cell.dataValidation = rule;
    });
    fitHeight(line);
  });
  sheet.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: layout.headerRow, column: workbookColumns.length } };
}
