import { SourceFault } from "./sourceFault.ts";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

const BARE_CR =
  "a carriage return (CR) not followed by a line feed, outside quotes: lines must end in LF or CRLF (RFC 4180)";
const ENDS_IN_CR =
  "the file ends in a carriage return (CR) without a line feed: lines must end in LF or CRLF (RFC 4180)";
const LINE_BOM =
  "a byte order mark (U+FEFF) at the start of a line: only the file may begin with one (were two files joined?)";

/**
 * RFC 4180 record counter over byte chunks (UTF-8 or ASCII-compatible). A quote toggles the quoted
 * state (an escaped quote toggles twice), a line feed outside quotes ends a record. Chunks without
 * any quote are counted with native indexOf, so plain CDR files scan at memory speed.
 *
 * It also refuses, with a SourceFault naming the line, the bytes DuckDB's strict reader cannot
 * step over (it stops the whole read with "state machine reached an invalid state", naming no
 * line): a CR outside quotes that is not part of CRLF (a bare CR in a field, CR-only line ends, a
 * file ending in CR); and a byte order mark starting a line after the first, which would make an
 * invisible prefix of a key. A CR inside quotes is field content and stays.
 */
export class RecordScanner {
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
  /** The previous chunk ended in a CR outside quotes: this one must begin with LF. */
  private pendingCr = false;
  /** Bytes of a BOM matched at the start of the current line (-1: not at a line start). */
  private lineStartBom = -1;

  push(buf: Buffer): void {
    if (this.records < 0) this.header.push(buf);
    const n = buf.length;
    if (n === 0) return;
    let i = 0;
    if (this.pendingCr) {
      if (buf[0] !== LF) throw new SourceFault(BARE_CR, this.line);
      this.pendingCr = false;
    }
    if (this.lineStartBom >= 0) i = this.continueLineStart(buf, 0);
    // The next CR at or after where it was last looked for (n: none left in this chunk): found
    // once per CR, not once per line, so a file without CR pays one memchr per chunk.
    let cr = -1;
    while (i < n) {
      if (!this.inQuotes && this.records >= 0) {
        const q = buf.indexOf(QUOTE, i);
        const end = q < 0 ? n : q;
        // Fast path: no quote before `end`, only line feeds (and the CR before them) matter.
        let lf = buf.indexOf(LF, i);
        while (lf >= 0 && lf < end) {
          if (cr < i) cr = nextIndex(buf, CR, i);
          for (; cr < lf; cr = nextIndex(buf, CR, cr + 1)) {
            if (cr !== lf - 1) throw new SourceFault(BARE_CR, this.line);
          }
          if (this.recordEmpty && !this.onlyCrBetween(buf, i, lf)) this.recordEmpty = false;
          this.endLine();
          i = lf + 1;
          // Only a line starting with the BOM's first byte (or at the chunk's end) needs a look.
          if (i === n || buf[i] === BOM[0]) i = this.startLine(buf, i);
          lf = buf.indexOf(LF, i);
        }
        if (cr < i) cr = nextIndex(buf, CR, i);
        for (; cr < end; cr = nextIndex(buf, CR, cr + 1)) {
          // Only a CR that ends the chunk may still be the first half of a CRLF.
          if (cr === n - 1 && end === n) this.pendingCr = true;
          else throw new SourceFault(BARE_CR, this.line);
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
        else {
          this.endLine();
          i = this.startLine(buf, i);
        }
      } else if (b === CR) {
        if (!this.inQuotes) {
          if (i === n) this.pendingCr = true;
          else if (buf[i] !== LF) throw new SourceFault(BARE_CR, this.line);
        }
      } else {
        this.recordEmpty = false;
      }
    }
  }

  /** A line begins at `at` (outside quotes): refuses a BOM there; returns where scanning goes on. */
  private startLine(buf: Buffer, at: number): number {
    this.lineStartBom = 0;
    return this.continueLineStart(buf, at);
  }

  private continueLineStart(buf: Buffer, at: number): number {
    let i = at;
    while (i < buf.length && this.lineStartBom < BOM.length) {
      if (buf[i] !== BOM[this.lineStartBom]) {
        this.lineStartBom = -1;
        return at;
      }
      this.lineStartBom++;
      i++;
    }
    if (this.lineStartBom === BOM.length) throw new SourceFault(LINE_BOM, this.line);
    // The chunk ended inside what may still be a BOM: the next chunk goes on matching. The
    // matched bytes are content (neither quote, CR nor LF), so the line is not blank.
    if (i > at) this.recordEmpty = false;
    return i;
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
    if (this.pendingCr) throw new SourceFault(ENDS_IN_CR, this.line);
    // A last record without a final line feed still counts.
    if (!this.recordEmpty || this.inQuotes) this.endLine();
    if (this.records < 0) this.records = 0;
  }
}

/** buf.indexOf(byte, from), or buf.length when there is none. */
function nextIndex(buf: Buffer, byte: number, from: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 ? buf.length : at;
}
