import { lstatSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";
import { Refusal } from "./refusal.ts";

/**
 * The path of a returned file, confined to the folder being loaded, as the loader confines a
 * bundle's files (pipelines/ingest/resolveBundleFile.ts): an absolute path, a path through `..`, a
 * link anywhere on the way (it may point anywhere: another manager's folder, /etc, a device), or a
 * hard link (a second name of a file that may live outside) is refused, never read.
 */
export function resolveReturnFile(root: string, relativePath: string): string {
  if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith("\\")) {
    throw new Refusal("outside the folder: an absolute path");
  }
  if (relativePath.split(/[\\/]+/).some((p) => p === "..")) throw new Refusal("outside the folder: a path through '..'");
  let current = root;
  for (const part of normalize(relativePath).split(sep)) {
    if (part === "" || part === ".") continue;
    current = join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      throw new Refusal("does not exist (any more)");
    }
    if (stat.isSymbolicLink()) throw new Refusal("is or passes through a link, which may lead outside the folder: put the file itself in the folder");
  }
  const file = lstatSync(current);
  if (!file.isFile()) throw new Refusal("not a regular file");
  if (file.nlink > 1) throw new Refusal(`a hard link (${file.nlink} names), which may be a file outside the folder: put a copy of the file in the folder`);
  return current;
}
