import type ExcelJS from "exceljs";

// OOXML paperSize code of A4 (exceljs declares its PaperSize as a const enum, which esbuild cannot inline).
const A4 = 9 as ExcelJS.PaperSize;
// Narrower than Excel's default 0.7" sides: more width for the text, still inside any printer's limits.
const MARGINS_INCH: ExcelJS.Margins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
// fitToHeight 0 = as many pages down as the rows need; only the width is squeezed onto one page.
const PAGES_ACROSS = 1;
const PAGES_DOWN_AS_NEEDED = 0;

/**
 * Print setup for a sheet people print: A4, every column on one page width (as many pages down as
 * needed), `titleRow` (when given) repeated at the top of every printed page.
 */
export function a4PageSetup(orientation: "landscape" | "portrait", titleRow?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation,
    fitToPage: true,
    fitToWidth: PAGES_ACROSS,
    fitToHeight: PAGES_DOWN_AS_NEEDED,
    horizontalCentered: true,
    margins: MARGINS_INCH,
    ...(titleRow === undefined ? {} : { printTitlesRow: `${titleRow}:${titleRow}` }),
  };
}
