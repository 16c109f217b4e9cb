import { lstatSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";
import { BundleError } from "../lib/errors.ts";
import { printable } from "../lib/printable.ts";

/**
 * The absolute path of a manifest entry, confined to the bundle folder: an absolute path, a
 * path through `..`, or any link on the way is refused, never read (extract-contract.md). A hard
 * link is a link too: a file with a second name may be a file outside the bundle under a name
 * inside it, which no path test can see.
 */
export function resolveBundleFile(bundleDir: string, relativePath: string, label: string): string {
  const where = `${printable(label)}/manifest.json: file '${printable(relativePath)}'`;
  if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith("\\")) {
    throw new BundleError(`${where}: absolute paths are not allowed`);
  }
  const parts = relativePath.split(/[\\/]+/);
  if (parts.some((p) => p === "..")) throw new BundleError(`${where}: leads outside the bundle folder ('..')`);
  const clean = normalize(relativePath);
  let current = bundleDir;
  for (const part of clean.split(sep)) {
    if (part === "" || part === ".") continue;
    current = join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      throw new BundleError(`${where}: does not exist`);
    }
    if (stat.isSymbolicLink()) throw new BundleError(`${where}: is or passes through a link`);
  }
  const file = lstatSync(current);
  if (!file.isFile()) throw new BundleError(`${where}: is not a regular file`);
  if (file.nlink > 1) throw new BundleError(`${where}: is a hard link (${file.nlink} names); deliver the file itself`);
  return current;
}
