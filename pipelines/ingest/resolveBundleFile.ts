import { lstatSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";
import { BundleError } from "../lib/errors.ts";

/**
 * The absolute path of a manifest entry, confined to the bundle folder: an absolute path, a
 * path through `..`, or any link on the way is refused, never read (extract-contract.md).
 */
export function resolveBundleFile(bundleDir: string, relativePath: string, label: string): string {
  const where = `${label}/manifest.json: file '${relativePath}'`;
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
  if (!lstatSync(current).isFile()) throw new BundleError(`${where}: is not a regular file`);
  return current;
}
