import fc from "fast-check";
import iconv from "iconv-lite";
import { gzipSync } from "node:zlib";
import { contractTables } from "../../pipelines/ingest/contractTables.ts";

/** A generated CDR file as delivered, and what its manifest declares. */
export interface CdrFileCase {
  encoding: "utf-8" | "gbk";
  delimiter: "," | "|";
  gzip: boolean;
  /** The file's bytes, as the bundle holds them (gzipped when `gzip`). */
  bytes: Buffer;
  /** Data records in the file (RFC 4180, counted on the bytes before gzip), for the manifest. */
  records: number;
  /** What was done to it, for a counterexample's report. */
  story: string;
}

// Values of each column: mostly valid (weight 5), sometimes breaking a rule (weight 1), with
// delimiters, quotes, line breaks and Chinese text where the contract's text columns allow them.
const VALUES: Record<string, [valid: string[], invalid: string[]]> = {
  msisdn: [["13800000001", "13800000002"], ["", "1380000000X", "138 0000 0001"]],
  record_type: [["MOC", "MTC", "SMS_MO", "SMS_MT", "CFW"], ["", "DIAL", "moc"]],
  other_party: [["13900000001", "", "0571-8888,1", 'say "hi"', "两行\n文本", "a|b"], []],
  other_network: [["CMCC", "CU", "CT", "FIXED", "INTL", "UNKNOWN", ""], ["XX"]],
  start_time: [["2026-11-16 09:15:00", "2026-11-22 23:59:59"], ["", "2026-11-16 24:00:00", "2026-11-30 09:00:00", "2026-1-16 09:00:00"]],
  duration_s: [["0", "60", "3600", ""], ["3.7", "-1", "0x10", "+7"]],
  cell_id: [["C100", "西湖基站", "基站,一号", "基站|二号", '"引号"站', "跨\r\n行"], []],
  imei: [["", "355555550000011"], ["12", "35555555000001X"]],
};

/** A column's value; in a file with faults, sometimes one that breaks its rule. */
const value = (column: string, faulty: boolean) => {
  const [valid, invalid] = VALUES[column];
  return !faulty || invalid.length === 0
    ? fc.constantFrom(...valid)
    : fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 8 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
};

const record = (faulty: boolean) => fc.record({
  fields: fc.record(Object.fromEntries(Object.keys(VALUES).map((c) => [c, value(c, faulty)]))),
  quoteAll: fc.boolean(),
  lineEnd: fc.constantFrom("\n", "\n", "\r\n"),
  duplicateId: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
  blankBefore: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
});

// Bytes a broken delivery may hold: a stray quote, CR, LF, delimiter, NUL, a byte that is never
// UTF-8, a GB18030 lead byte with no trail, a byte order mark.
const STRAY = [[0x22], [0x0d], [0x0a], [0x2c], [0x7c], [0x00], [0xff], [0x81], [0xef, 0xbb, 0xbf]];
const damage = fc.option(
  fc.record({
    kind: fc.constantFrom("insert", "overwrite", "truncate", "truncate gzip"),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.constantFrom(...STRAY),
  }),
  { freq: 3 },
);

function field(text: string, delimiter: string, quote: boolean): string {
  return quote || text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 data records of a file's bytes (header and blank lines excluded), as the contract counts them. */
function countRecords(bytes: Buffer): number {
  let inQuotes = false;
  let content = false; // the current line holds more than CR
  let lines = 0;
  for (const b of bytes) {
    if (b === 0x22) {
      inQuotes = !inQuotes;
      content = true;
    } else if (b === 0x0a && !inQuotes) {
      if (content) lines++;
      content = false;
    } else if (b !== 0x0d) content = true;
  }
  if (content || inQuotes) lines++;
  return Math.max(lines - 1, 0);
}

/**
 * A CDR file with random quoting, line endings (LF, CRLF, a missing last one), blank lines,
 * duplicate ids, values breaking a rule, UTF-8 or GBK, `,` or `|`, plain or gzip — and, one time
 * in three, damaged: a stray byte inserted or written over, or the file (or its gzip stream) cut.
 */
export const cdrFileArbitrary: fc.Arbitrary<CdrFileCase> = fc
  .record({
    encoding: fc.constantFrom("utf-8" as const, "gbk" as const),
    delimiter: fc.constantFrom("," as const, "|" as const),
    gzip: fc.boolean(),
    // Half the files hold only valid values (their only faults are damage), half some invalid ones.
    records: fc.boolean().chain((faulty) => fc.array(record(faulty), { minLength: 1, maxLength: 25 })),
    finalLineEnd: fc.boolean(),
    damage,
  })
  .map(({ encoding, delimiter, gzip, records, finalLineEnd, damage: hurt }) => {
    const columns = contractTables.cdr.columns;
    let text = `${columns.join(delimiter)}\n`;
    records.forEach((r, i) => {
      const id = r.duplicateId && i > 0 ? `R${i - 1}` : `R${i}`;
      const row = { ...r.fields, record_id: id } as Record<string, string>;
      if (r.blankBefore) text += r.lineEnd;
      text += columns.map((c) => field(row[c], delimiter, r.quoteAll)).join(delimiter);
      if (i < records.length - 1 || finalLineEnd) text += r.lineEnd;
    });
    let plain = encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
    const at = hurt ? Math.floor(hurt.at * plain.length) : 0;
    if (hurt?.kind === "insert") plain = Buffer.concat([plain.subarray(0, at), Buffer.from(hurt.bytes), plain.subarray(at)]);
    if (hurt?.kind === "overwrite") plain = Buffer.concat([plain.subarray(0, at), Buffer.from(hurt.bytes), plain.subarray(at + hurt.bytes.length)]);
    if (hurt?.kind === "truncate") plain = plain.subarray(0, at);
    let bytes = gzip ? gzipSync(plain) : plain;
    if (gzip && hurt?.kind === "truncate gzip") bytes = bytes.subarray(0, Math.floor(hurt.at * bytes.length));
    const story = `${records.length} records, ${encoding}, '${delimiter}'${gzip ? ", gzip" : ""}` +
      (hurt ? `, ${hurt.kind} ${hurt.kind.startsWith("truncate") ? "" : `[${hurt.bytes.map((b) => b.toString(16)).join(" ")}] `}at ${hurt.at.toFixed(3)}` : "");
    // A counterexample is reported by its story, not its bytes.
    return { encoding, delimiter, gzip, bytes, records: countRecords(plain), story, [fc.toStringMethod]: () => story };
  });
