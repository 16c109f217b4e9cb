import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE } from "../ingest/readManifest.ts";

/**
 * How many complete bundles (folders with their manifest) `path` holds: 1 when it is a bundle
 * itself, 0 when it does not exist. For progress and for "is there sample data yet".
 */
export function completeBundles(path: string): number {
  if (!existsSync(path)) return 0;
  if (existsSync(join(path, MANIFEST_FILE))) return 1;
  return readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(path, d.name, MANIFEST_FILE))).length;
}
