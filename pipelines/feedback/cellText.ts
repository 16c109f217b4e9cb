import type ExcelJS from "exceljs";
import type { ReturnedCell } from "./returnedSheet.ts";

/**
 * What a workbook cell holds, as the loader reads it: text trimmed (null when empty), a number as
 * its plain text (an id or a number typed into a text column), a date as a Date, rich text and
 * links as their text, a formula as its last computed result (never evaluated here).
 */
export function cellText(value: ExcelJS.CellValue): ReturnedCell | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return cellText(value.richText.map((part) => part.text).join(""));
  if ("hyperlink" in value) return cellText(value.text);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null);
  if ("error" in value) return value.error;
  return null;
}
