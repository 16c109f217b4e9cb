import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "./listFiles.ts";

/**
 * Whether folder `dir` holds exactly `files` (relative path → bytes), byte for byte, not counting
 * the names in `ignore`. This is what makes a second run with nothing new touch no file.
 */
export function sameFiles(dir: string, files: ReadonlyMap<string, Buffer>, ignore: readonly string[]): boolean {
  const present = listFiles(dir).filter((f) => !ignore.includes(f));
  if (present.length !== files.size) return false;
  return present.every((f) => {
    const expected = files.get(f);
    return expected !== undefined && readFileSync(join(dir, f)).equals(expected);
  });
}
