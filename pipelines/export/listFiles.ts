import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Relative paths ('calls/M01.csv') of every file under `dir`, sorted; none when it does not exist. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}
