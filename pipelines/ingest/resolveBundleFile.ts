import { BundleError } from "../lib/errors.ts";
import { confinedPath, type PathFault } from "../lib/confinedPath.ts";
import { printable } from "../lib/printable.ts";

/** Why the file is refused, in the words of this loader's messages. */
function reason(fault: PathFault): string {
  switch (fault.kind) {
    case "absolute":
      return "absolute paths are not allowed";
    case "parent":
      return "leads outside the bundle folder ('..')";
    case "missing":
      return "does not exist";
    case "link":
      return "is or passes through a link";
    case "not-file":
      return "is not a regular file";
    case "hard-link":
      return `is a hard link (${fault.names} names); deliver the file itself`;
  }
}

/**
 * The absolute path of a manifest entry, confined to the bundle folder (pipelines/lib/confinedPath.ts):
 * an absolute path, a path through `..`, or any link on the way, hard links included, is refused,
 * never read (extract-contract.md).
 */
export function resolveBundleFile(bundleDir: string, relativePath: string, label: string): string {
  const found = confinedPath(bundleDir, relativePath);
  if ("path" in found) return found.path;
  throw new BundleError(`${printable(label)}/manifest.json: file '${printable(relativePath)}': ${reason(found.fault)}`);
}
