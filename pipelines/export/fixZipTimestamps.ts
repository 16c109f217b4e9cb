const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

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
 * are outside the entries' CRCs, so rewriting them keeps the archive valid. Walks the central
 * directory (found from the end record) and patches each entry there and in its local header.
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory record");
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`zip central directory entry ${n} is malformed`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`zip local header of entry ${n} is malformed`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
