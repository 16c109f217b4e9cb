import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { SourceFault } from "./sourceFault.ts";

/** A file's sha256, streamed (a feature bundle's Parquet files can be gigabytes). */
export async function hashFile(path: string, label: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (e) {
    throw new SourceFault(`cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`, null, label);
  }
  return hash.digest("hex");
}
