// CSV files a person downloads from a page: the rows the table shows, in its order, masked as on
// screen. The same rules as the exports (pipelines/export/toCsv.ts): UTF-8 with a BOM (Excel then
// opens Chinese right), RFC 4180 quoting, CRLF, and a text cell that would start a formula
// (= + - @ tab CR) gets a leading quote (OWASP CSV injection); numbers stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value) {
  if (value == null) return "";
  let text;
  if (typeof value === "number") text = Number.isFinite(value) ? String(Number(value.toFixed(6))) : "";
  else if (typeof value === "boolean") text = value ? "是" : "否";
  else {
    text = String(value);
    if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a CSV file (BOM first) from a header and rows of values. */
export function toCsv(header, rows) {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

/** Offers `text` as a download named `filename` (a blob URL: nothing leaves the browser). */
export function downloadText(text, filename) {
  const url = URL.createObjectURL(new Blob([text], {type: "text/csv;charset=utf-8"}));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
