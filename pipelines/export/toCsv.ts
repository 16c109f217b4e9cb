import { CSV_FORMULA_START } from "./csvFormulaStart.ts";

export type CsvValue = string | number | null | undefined;

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;
// The text of a plain number, as DuckDB hands over DECIMAL and BIGINT values ("-12.5", "-3"). A
// spreadsheet reads it as that number, never as a formula, so it is left alone: a negative metric
// stays a number rather than becoming the text "'-12.5".
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text value made safe to open in a spreadsheet (OWASP): one that would start a formula gets a
 * leading single quote, which spreadsheets read as "this is text". Only strings are neutralised:
 * numbers (typed, or the plain text of one) stay numbers.
 */
function neutralise(text: string): string {
  return CSV_FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? formatNumber(value) : neutralise(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A fixed rendering of numbers (no exponent, no float noise) keeps exports byte-stable and readable.
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(Number(value.toFixed(6)));
}

/**
 * The bytes of a CSV file per outputs.md: UTF-8 with a BOM (Excel then opens Chinese text right),
 * comma-delimited, RFC 4180 quoting and CRLF line breaks, one header row. Every CSV the project
 * exports goes through here, so every one is safe from formula injection (see `neutralise`).
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): Buffer {
  const lines = [header.map(field).join(",")];
  for (const row of rows) lines.push(row.map(field).join(","));
  return Buffer.from(`${BOM}${lines.join("\r\n")}\r\n`, "utf8");
}
