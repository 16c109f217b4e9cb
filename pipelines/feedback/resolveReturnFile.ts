import { confinedPath, type PathFault } from "../lib/confinedPath.ts";
import { Refusal } from "./refusal.ts";

/** Why the file is refused, in the words of this loader's messages. */
function reason(fault: PathFault): string {
  switch (fault.kind) {
    case "absolute":
      return "outside the folder: an absolute path";
    case "parent":
      return "outside the folder: a path through '..'";
    case "missing":
      return "does not exist (any more)";
    case "link":
      return "is or passes through a link, which may lead outside the folder: put the file itself in the folder";
    case "not-file":
      return "not a regular file";
    case "hard-link":
      return `a hard link (${fault.names} names), which may be a file outside the folder: put a copy of the file in the folder`;
  }
}

/**
 * The path of a returned file, confined to the folder being loaded as a bundle's files are
 * (pipelines/lib/confinedPath.ts): a link may point anywhere (another manager's folder, /etc, a
 * device), so it is refused, never read.
 */
export function resolveReturnFile(root: string, relativePath: string): string {
  const found = confinedPath(root, relativePath);
  if ("path" in found) return found.path;
  throw new Refusal(reason(found.fault));
}
