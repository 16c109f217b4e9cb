export type CsvValue = string | number | null | undefined;

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? formatNumber(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A fixed rendering of numbers (no exponent, no float noise) keeps exports byte-stable and readable.
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(Number(value.toFixed(6)));
}

/**
 * The bytes of a CSV file per outputs.md: UTF-8 with a BOM (Excel then opens Chinese text right),
 * comma-delimited, RFC 4180 quoting and CRLF line breaks, one header row.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): Buffer {
  const lines = [header.map(field).join(",")];
  for (const row of rows) lines.push(row.map(field).join(","));
  return Buffer.from(`${BOM}${lines.join("\r\n")}\r\n`, "utf8");
}
