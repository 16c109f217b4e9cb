const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
// A size or count at its 16/32-bit maximum means the real one is in a ZIP64 record.
const ZIP64_MARK = 0xffffffff;

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offsets of its central directory record, its local header, and its data. */
  centralOffset: number;
  localOffset: number;
  dataOffset: number;
}

/**
 * The entries of a zip archive (an .xlsx), read from its central directory (found from the end
 * record), each checked against its local header. Throws on anything malformed or ZIP64: the
 * workbooks this project writes and reads back are small, so a ZIP64 archive is not one of them.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory record");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === ZIP64_MARK) throw new Error("ZIP64 archives are not supported");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`zip central directory entry ${n} is malformed`);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`zip local header of entry ${n} is malformed`);
    const entry: ZipEntry = {
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      centralOffset: at,
      localOffset: local,
      dataOffset: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || local === ZIP64_MARK) throw new Error("ZIP64 archives are not supported");
    if (entry.dataOffset + entry.compressedSize > zip.length) throw new Error(`zip entry ${n} runs past the end of the archive`);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
