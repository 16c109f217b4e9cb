/**
 * OWASP "CSV injection": a spreadsheet opening a CSV runs a cell that starts with one of these as a
 * formula (=HYPERLINK(…), =cmd|…, @SUM(…)), and tab / CR lead it past naive checks. toCsv.ts
 * neutralises such a cell with a leading quote; reading a returned CSV takes the quote off again.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r]/;
