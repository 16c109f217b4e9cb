export type CsvValue = string | number | null;

/**
 * One RFC 4180 record (without its line end): a field is quoted when it holds the delimiter, a
 * quote or a line break, quotes doubled inside; null is the empty field (the contract's NULL).
 */
export function csvLine(fields: readonly CsvValue[], delimiter: string): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    const value = fields[i];
    if (value === null) continue;
    const text = String(value);
    line += text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return line;
}
