import { zipEntries } from "../lib/zipEntries.ts";

function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * Sets every entry's modification time in a zip (an .xlsx) to `date`, in place.
 *
 * Why: exceljs zips with JSZip, which stamps each entry with the wall clock and offers no way to pass
 * a date through exceljs, so two identical workbooks differ in those bytes. The DOS time/date fields
 * are outside the entries' CRCs, so rewriting them keeps the archive valid. Patches each entry in the
 * central directory and in its local header.
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  for (const entry of zipEntries(zip)) {
    zip.writeUInt16LE(time, entry.centralOffset + 12);
    zip.writeUInt16LE(day, entry.centralOffset + 14);
    zip.writeUInt16LE(time, entry.localOffset + 10);
    zip.writeUInt16LE(day, entry.localOffset + 12);
  }
  return zip;
}
