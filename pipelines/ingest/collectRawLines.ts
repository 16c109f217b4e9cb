import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";

/**
 * The text of the given physical lines (1-based) of a UTF-8 file, for the rejects table: a
 * repairer sees the line as delivered. Reads the file once, stops after the last wanted line.
 */
export async function collectRawLines(path: string, gzip: boolean, wanted: Set<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const raw = createReadStream(path);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of reader) {
    n++;
    if (wanted.has(n)) found.set(n, line);
    if (n >= last) break;
  }
  reader.close();
  raw.destroy();
  return found;
}
