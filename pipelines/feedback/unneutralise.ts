import { CSV_FORMULA_START } from "../export/csvFormulaStart.ts";

/**
 * A returned CSV cell as it was before the export made it safe to open (toCsv.ts): the leading
 * quote put before a would-be formula is taken off again, and nothing else.
 */
export function unneutralise(text: string): string {
  return text.startsWith("'") && CSV_FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
