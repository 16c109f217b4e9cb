import { createReadStream, createWriteStream } from "node:fs";
import { createHash } from "node:crypto";
import { createGunzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Writable, type Transform } from "node:stream";
import { parseHeader } from "./parseHeader.ts";
import iconv from "iconv-lite";
import { RecordScanner } from "./recordScanner.ts";
import { SourceFault } from "./sourceFault.ts";
import { markUndecodable } from "./markUndecodable.ts";

export interface SourceFileScan {
  /** sha256 of the file's bytes as delivered (compressed, in its own encoding). */
  sha256: string;
  /** Data records (header and blank lines excluded): what the manifest's `rows` counts. */
  records: number;
  /** Header fields as written (BOM stripped). */
  header: string[];
  /**
   * Sparse map from a data record's ordinal (0-based) to the physical line it starts on:
   * [ordinal, line] wherever a record's line is not the previous breakpoint's plus one record a
   * line (a quoted newline or a blank line came before it). Usually a single entry.
   */
  lineBreaks: Array<[number, number]>;
  /** Unit numbers (header = 1, as DuckDB counts) of blank lines, to translate DuckDB's reject lines. */
  blankUnits: number[];
}

const LF = 0x0a;

export interface ScanOptions {
  gzip: boolean;
  /** 'utf-8' or 'gbk' (read as GB18030). */
  encoding: "utf-8" | "gbk";
  delimiter: string;
  /** For GBK: where to write the UTF-8 copy DuckDB will read. */
  utf8CopyPath?: string;
}

/**
 * One streaming pass over a delivered file: its checksum, its record count, its header, the
 * record→line map, and (for GBK) a UTF-8 copy for DuckDB, which reads only UTF-8. Never holds
 * the file in memory.
 */
export async function scanSourceFile(path: string, options: ScanOptions): Promise<SourceFileScan> {
  const hash = createHash("sha256");
  const scanner = new RecordScanner();
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  source.on("data", (chunk) => hash.update(chunk as Buffer));
  const stages: Array<NodeJS.ReadableStream | Transform | NodeJS.WritableStream> = [source];
  if (options.gzip) stages.push(createGunzip());
  if (options.encoding === "gbk") {
    if (!options.utf8CopyPath) throw new Error("GBK scan needs a UTF-8 copy path");
    stages.push(iconv.decodeStream("gb18030"), iconv.encodeStream("utf8"), markUndecodable());
  }
  const copy = options.utf8CopyPath ? createWriteStream(options.utf8CopyPath, { mode: 0o600 }) : null;
  stages.push(
    new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _enc, done) {
        try {
          scanner.push(chunk);
        } catch (e) {
          done(e as Error);
          return;
        }
        if (copy && !copy.write(chunk)) copy.once("drain", done);
        else done();
      },
      final(done) {
        if (copy) copy.end(done);
        else done();
      },
    }),
  );
  try {
    await pipeline(stages as unknown as ReadonlyArray<NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream>);
    scanner.finish();
  } catch (e) {
    throw asSourceFault(e, options.gzip);
  }
  const headerBytes = Buffer.concat(scanner.header);
  const headerEnd = headerBytes.indexOf(LF);
  // The scanner saw UTF-8 (GBK was transcoded before it), so the header decodes as UTF-8.
  const headerText = (headerEnd < 0 ? headerBytes : headerBytes.subarray(0, headerEnd))
    .toString("utf8")
    .replace(/^\uFEFF/, "").replace(/\r$/, "");
  return {
    sha256: hash.digest("hex"),
    records: scanner.records,
    header: parseHeader(headerText, options.delimiter),
    lineBreaks: scanner.lineBreaks,
    blankUnits: scanner.blankUnits,
  };
}

/** zlib's codes as reasons (its messages hold no content, but say less than these). */
const GZIP_FAULTS: Record<string, string> = {
  Z_BUF_ERROR: "the gzip stream is cut short (truncated file)",
  Z_DATA_ERROR: "not gzip data, or corrupt gzip data",
};

/** A fault of the file's bytes, as a SourceFault; anything else (a disk error) stays as it is. */
function asSourceFault(e: unknown, gzip: boolean): unknown {
  if (e instanceof SourceFault) return e;
  const code = (e as NodeJS.ErrnoException).code ?? "";
  if (gzip && code.startsWith("Z_")) return new SourceFault(GZIP_FAULTS[code] ?? `the gzip stream cannot be read (${code})`);
  return e;
}
