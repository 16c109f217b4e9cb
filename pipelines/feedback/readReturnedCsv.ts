import { parseCsv } from "../export/parseCsv.ts";
import { workbookColumns } from "../export/workbookColumns.ts";
import { columnKeyOf } from "./columnKeyOf.ts";
import { decodeCsvText } from "./decodeCsvText.ts";
import { indexColumns } from "./indexColumns.ts";
import { Refusal } from "./refusal.ts";
import type { ReturnedCell, ReturnedSheet } from "./returnedSheet.ts";
import { unneutralise } from "./unneutralise.ts";

const cell = (field: string | undefined) => unneutralise((field ?? "").trim()).trim();

/** Whether a record is the workbook's Chinese header (a workbook saved as CSV: key row, then header). */
function isHeader(fields: string[], keyAt: Map<number, string>): boolean {
  const headers = [...keyAt].flatMap(([i, key]) => {
    const header = workbookColumns.find((c) => c.key === key)?.header;
    return header ? [[i, header] as const] : [];
  });
  return headers.length > 0 && headers.every(([i, header]) => cell(fields[i]) === header);
}

/**
 * A returned CSV: the call list's CSV (English header, codes) with the feedback columns added, or
 * the workbook saved as CSV (key row, Chinese header, labels). Columns are matched on the header's
 * keys; each cell loses the quote the export put before a would-be formula (toCsv.ts). Rows are
 * counted as a spreadsheet shows them: the header is row 1.
 */
export function readReturnedCsv(bytes: Buffer): ReturnedSheet {
  const [header, ...records] = parseCsv(decodeCsvText(bytes));
  if (!header) throw new Refusal("an empty file");
  const { keyAt, columns } = indexColumns(header.map((name) => columnKeyOf(cell(name))), 1, (_, key) => key);
  const lines: ReturnedSheet["lines"] = [];
  records.forEach((fields, i) => {
    if (i === 0 && isHeader(fields, keyAt)) return;
    const cells = new Map<string, ReturnedCell>();
    for (const [index, key] of keyAt) {
      const text = cell(fields[index]);
      if (text !== "") cells.set(key, text);
    }
    if (cells.size > 0) lines.push({ row: i + 2, cells });
  });
  return { info: null, columns, lines };
}
