import { Refusal } from "./refusal.ts";

/**
 * The text of a returned CSV: UTF-8 (with or without a BOM), as the export writes it and as "CSV
 * UTF-8" saves it; otherwise GB18030 (a superset of GBK), which Chinese Excel and WPS write when a
 * manager saves as plain "CSV". A file neither can decode is refused.
 */
export function decodeCsvText(bytes: Buffer): string {
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // the next encoding
    }
  }
  throw new Refusal("not a CSV: its text is neither UTF-8 nor GBK");
}
