/**
 * Where things are on a call-list workbook's list sheet, for writing it and for reading a returned one.
 *
 * Row 1 is hidden and holds each column's key (the contract's names, as in the CSV header: `group_id`,
 * `contact_result`…). A returned workbook is matched column by column on these keys, not on positions
 * or on the Chinese header, so a column a manager moves, inserts or renames cannot put a value in the
 * wrong field, and a workbook saved as CSV still starts with the machine header. Row 2 is the Chinese
 * header the manager reads (frozen, repeated on every printed page); the list's lines start on row 3.
 *
 * The info sheet, very hidden (no menu of Excel or WPS shows it), says whose list the workbook is:
 * key/value rows (`manager_id`, `week`), key in column A, value in column B. A returned workbook is
 * taken for that manager's list of that week, whatever the file is called by then.
 */
export const callListLayout = {
  keyRow: 1,
  headerRow: 2,
  firstDataRow: 3,
  sheetName: (week: string) => `呼叫清单 ${week}`,
  howToUseSheetName: "使用说明",
  infoSheetName: "清单信息",
} as const;
