import { lstatSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";

/** Why a path was refused; each caller words it for its own readers. */
export type PathFault =
  | { kind: "absolute" }
  | { kind: "parent" }
  | { kind: "missing" }
  | { kind: "link" }
  | { kind: "not-file" }
  | { kind: "hard-link"; names: number };

/**
 * The path of a file named relative to `root`, confined to it: an absolute path, a path through
 * `..`, a link anywhere on the way (it may point anywhere), or a hard link (a second name of a file
 * that may live outside, which no path test can see) is a fault, and the file is never read. The
 * bundle loader and the returned-lists loader both confine their files with it.
 */
export function confinedPath(root: string, relativePath: string): { path: string } | { fault: PathFault } {
  if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith("\\")) return { fault: { kind: "absolute" } };
  if (relativePath.split(/[\\/]+/).some((p) => p === "..")) return { fault: { kind: "parent" } };
  let current = root;
  for (const part of normalize(relativePath).split(sep)) {
    if (part === "" || part === ".") continue;
    current = join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      return { fault: { kind: "missing" } };
    }
    if (stat.isSymbolicLink()) return { fault: { kind: "link" } };
  }
  const file = lstatSync(current);
  if (!file.isFile()) return { fault: { kind: "not-file" } };
  if (file.nlink > 1) return { fault: { kind: "hard-link", names: file.nlink } };
  return { path: current };
}
