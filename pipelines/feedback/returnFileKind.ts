import { extname } from "node:path";
import { zipEntries } from "../lib/zipEntries.ts";
import { Refusal } from "./refusal.ts";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary: an old .xls (or .doc, .msg), which exceljs cannot read.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// What every .xlsx holds, whichever program wrote it.
const WORKBOOK_PARTS = ["[Content_Types].xml", "xl/workbook.xml"];

/**
 * What a returned file is, by its name *and* its bytes: a workbook (.xlsx: a zip holding a
 * workbook's parts) or a CSV (.csv: text, no zip, no NUL byte). A file whose bytes are not what its
 * name says (an .xls renamed .xlsx, a workbook renamed .csv, a PDF) is refused.
 */
export function returnFileKind(name: string, bytes: Buffer): "xlsx" | "csv" {
  const extension = extname(name).toLowerCase();
  const zip = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new Refusal("not a workbook (.xlsx) or CSV: an old Excel (.xls) or other Office binary file; save it as .xlsx");
  if (extension === ".xlsx") {
    let names: string[];
    try {
      names = zip ? zipEntries(bytes).map((e) => e.name) : [];
    } catch {
      names = [];
    }
    if (!WORKBOOK_PARTS.every((part) => names.includes(part))) throw new Refusal("not a workbook: named .xlsx, but its content is not one");
    return "xlsx";
  }
  if (extension === ".csv") {
    if (zip) throw new Refusal("not a CSV: named .csv, but its content is a zip (a workbook?); return it as .xlsx");
    if (bytes.includes(0)) throw new Refusal("not a CSV: named .csv, but its content is binary");
    return "csv";
  }
  throw new Refusal("not a workbook (.xlsx) or CSV (.csv): return the call list as the workbook you were sent, or as CSV");
}
