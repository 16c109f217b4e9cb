import { existsSync, readdirSync } from "node:fs";
import { join, basename } from "node:path";
import { printable } from "../lib/printable.ts";
import { MANIFEST_FILE } from "./readManifest.ts";

/**
 * The bundle folders at PATH: PATH itself when it holds a manifest, else its sub-folders that do,
 * sorted; a sub-folder without one is still being delivered and is passed over, with why.
 */
export function listBundleFolders(path: string): { folders: string[]; skipped: Array<{ bundle: string; reason: string }> } {
  if (existsSync(join(path, MANIFEST_FILE))) return { folders: [path], skipped: [] };
  const children = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(path, d.name))
    .sort();
  const folders: string[] = [];
  const skipped: Array<{ bundle: string; reason: string }> = [];
  for (const folder of children) {
    if (existsSync(join(folder, MANIFEST_FILE))) folders.push(folder);
    else skipped.push({ bundle: printable(basename(folder)), reason: "no manifest.json (incomplete bundle)" });
  }
  return { folders, skipped };
}
