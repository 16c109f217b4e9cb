/**
 * Where things are on a call-list workbook's list sheet, for writing it and for reading a returned one.
 *
 * Row 1 is hidden and holds each column's key (the contract's names, as in the CSV header: `group_id`,
 * `contact_result`…). A returned workbook is matched column by column on these keys, not on positions
 * or on the Chinese header, so a column a manager moves, inserts or renames cannot put a value in the
 * wrong field, and a workbook saved as CSV still starts with the machine header. Row 2 is the Chinese
 * header the manager reads (frozen, repeated on every printed page); the list's lines start on row 3.
 */
export const callListLayout = {
  keyRow: 1,
  headerRow: 2,
  firstDataRow: 3,
  sheetName: (week: string) => `呼叫清单 ${week}`,
  howToUseSheetName: "使用说明",
} as const;
