import { Transform } from "node:stream";

const REPLACEMENT = Buffer.from("\uFFFD", "utf8"); // EF BF BD
const INVALID_UTF8 = Buffer.from([0xff]);

/**
 * For the UTF-8 copy of a GBK file: iconv-lite turns bytes that are not GB18030 into U+FFFD and
 * goes on, which would load a damaged name as if it were text. This puts a byte that is never
 * UTF-8 (0xFF) in its place, so DuckDB refuses that record as not valid text — as it does for a
 * UTF-8 file's broken bytes — and the record lands in raw_rejects with its line. (A genuine U+FFFD
 * in a GB18030 file is refused the same way: it is the mark of text already lost upstream.)
 */
export function markUndecodable(): Transform {
  let carry = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      // Keep a tail that may be the start of a replacement character split across chunks.
      let keep = 0;
      if (buf.length >= 1 && buf[buf.length - 1] === REPLACEMENT[0]) keep = 1;
      if (buf.length >= 2 && buf[buf.length - 2] === REPLACEMENT[0] && buf[buf.length - 1] === REPLACEMENT[1]) keep = 2;
      carry = Buffer.from(buf.subarray(buf.length - keep));
      done(null, replaceAll(buf.subarray(0, buf.length - keep)));
    },
    flush(done) {
      done(null, replaceAll(carry));
    },
  });
}

function replaceAll(buf: Buffer): Buffer {
  let at = buf.indexOf(REPLACEMENT);
  if (at < 0) return buf;
  const parts: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    parts.push(buf.subarray(from, at), INVALID_UTF8);
    from = at + REPLACEMENT.length;
    at = buf.indexOf(REPLACEMENT, from);
  }
  parts.push(buf.subarray(from));
  return Buffer.concat(parts);
}
