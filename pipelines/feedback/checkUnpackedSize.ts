import { inflateRawSync } from "node:zlib";
import { zipEntries } from "../lib/zipEntries.ts";
import { Refusal } from "./refusal.ts";

const STORED = 0;
const DEFLATED = 8;

/**
 * Refuses a workbook that would unpack to more than `limit` bytes (a "zip bomb": a small file that
 * inflates to gigabytes), before exceljs opens it. The sizes a zip declares can lie, so each entry
 * is actually inflated, stopping as soon as the total passes the limit.
 */
export function checkUnpackedSize(zip: Buffer, limit: number): void {
  let total = 0;
  for (const entry of zipEntries(zip)) {
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === STORED) total += data.length;
    else if (entry.method === DEFLATED) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") total = limit + 1;
        else throw new Refusal("not a readable workbook: a part of it is damaged");
      }
    } else throw new Refusal("not a readable workbook: compressed in a way spreadsheet programs do not use");
    if (total > limit) throw new Refusal(`unpacks to more than feedback.maxUnpackedBytes (${limit} bytes): not a call list`);
  }
}
