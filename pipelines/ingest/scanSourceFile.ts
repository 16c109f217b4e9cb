import { createReadStream, createWriteStream } from "node:fs";
import { createHash } from "node:crypto";
import { createGunzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Writable, type Transform } from "node:stream";
import iconv from "iconv-lite";

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

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 record counter over byte chunks. A quote toggles the quoted state (an escaped quote
 * toggles twice), a line feed outside quotes ends a record. Chunks without any quote are
 * counted with native indexOf, so plain CDR files scan at memory speed.
 */
class RecordScanner {
  inQuotes = false;
  line = 1; // physical line of the current position
  unit = 1; // DuckDB's count: records and blank lines, header = 1
  records = -1; // the header is record -1
  recordStartLine = 1;
  recordEmpty = true; // only CR seen so far in this record
  header: Buffer[] = [];
  lineBreaks: Array<[number, number]> = [];
  blankUnits: number[] = [];
  private expectedLine = 2;

  push(buf: Buffer): void {
    if (this.records < 0) this.header.push(buf);
    let i = 0;
    const n = buf.length;
    while (i < n) {
      if (!this.inQuotes && this.records >= 0) {
        const q = buf.indexOf(QUOTE, i);
        const end = q < 0 ? n : q;
        // Fast path: no quote before `end`, only line feeds matter.
        let lf = buf.indexOf(LF, i);
        while (lf >= 0 && lf < end) {
          if (this.recordEmpty && !this.onlyCrBetween(buf, i, lf)) this.recordEmpty = false;
          this.endLine();
          i = lf + 1;
          lf = buf.indexOf(LF, i);
        }
        if (i < end) {
          if (this.recordEmpty && !this.onlyCrBetween(buf, i, end)) this.recordEmpty = false;
          i = end;
        }
        if (q >= 0 && i === q) {
          this.recordEmpty = false;
          this.inQuotes = true;
          i++;
        }
        continue;
      }
      const b = buf[i++];
      if (b === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.recordEmpty = false;
      } else if (b === LF) {
        if (this.inQuotes) this.line++;
        else this.endLine();
      } else if (b !== CR) {
        this.recordEmpty = false;
      }
    }
  }

  private onlyCrBetween(buf: Buffer, from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (buf[j] !== CR) return false;
    return true;
  }

  private endLine(): void {
    if (this.recordEmpty && this.records >= 0) {
      this.blankUnits.push(this.unit);
    } else {
      if (this.records >= 0 && this.recordStartLine !== this.expectedLine) {
        this.lineBreaks.push([this.records, this.recordStartLine]);
      }
      this.expectedLine = this.recordStartLine + 1;
      this.records++;
    }
    this.unit++;
    this.line++;
    this.recordStartLine = this.line;
    this.recordEmpty = true;
  }

  finish(): void {
    // A last record without a final line feed still counts.
    if (!this.recordEmpty || this.inQuotes) this.endLine();
    if (this.records < 0) this.records = 0;
  }
}

/** Splits the header line on the delimiter, honouring RFC 4180 quotes. */
function parseHeader(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

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
    stages.push(iconv.decodeStream("gb18030"), iconv.encodeStream("utf8"));
  }
  const copy = options.utf8CopyPath ? createWriteStream(options.utf8CopyPath, { mode: 0o600 }) : null;
  stages.push(
    new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _enc, done) {
        scanner.push(chunk);
        if (copy && !copy.write(chunk)) copy.once("drain", done);
        else done();
      },
      final(done) {
        if (copy) copy.end(done);
        else done();
      },
    }),
  );
  await pipeline(stages as unknown as ReadonlyArray<NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream>);
  scanner.finish();
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
