import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import iconv from "iconv-lite";
import { parseHeader } from "./parseHeader.ts";
import { SourceFault } from "./sourceFault.ts";

/** The most a header line may take: a contract header is a few hundred bytes. */
const MAX_HEADER_BYTES = 1 << 16;

/**
 * A delivered file's header (its first line), read without reading the file: Spark needs the
 * columns' places before it reads, and a city's CDR files are gigabytes.
 */
export async function readHeader(path: string, options: { gzip: boolean; encoding: "utf-8" | "gbk"; delimiter: string }): Promise<string[]> {
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  const stream = options.gzip ? source.pipe(createGunzip()) : source;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if ((chunk as Buffer).includes(0x0a) || size > MAX_HEADER_BYTES) break;
    }
  } catch (e) {
    throw new SourceFault(`cannot read the header (${(e as NodeJS.ErrnoException).code ?? "not gzip"})`, 1);
  } finally {
    source.destroy();
  }
  const bytes = Buffer.concat(chunks);
  const end = bytes.indexOf(0x0a);
  if (end < 0) throw new SourceFault(size > MAX_HEADER_BYTES ? "header line too long" : "no header line", 1);
  const line = bytes.subarray(0, end);
  const text = options.encoding === "gbk" ? iconv.decode(line, "gb18030") : line.toString("utf8");
  return parseHeader(text.replace(/^\uFEFF/, "").replace(/\r$/, ""), options.delimiter);
}
