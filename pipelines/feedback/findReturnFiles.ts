import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../lib/errors.ts";
import { printable } from "../lib/printable.ts";

/** A file found to load: where it is, relative to the folder it is confined to. */
export interface ReturnFile {
  root: string;
  relativePath: string;
  /** lstat's modification time: a folder's returns load oldest first, so the later return wins. */
  mtimeMs: number;
}

// Not returns: hidden files (.DS_Store, a sync tool's temp files) and the lock files Excel and
// WPS keep beside a workbook that is open (~$M01.xlsx).
const NOT_A_RETURN = /^(\.|~\$)/;

function walk(root: string, relative: string, found: ReturnFile[]): void {
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (NOT_A_RETURN.test(entry.name)) continue;
    const path = relative ? join(relative, entry.name) : entry.name;
    // A folder is walked; anything else (a link too: resolveReturnFile refuses it, never follows it) is a file to load.
    if (entry.isDirectory()) walk(root, path, found);
    else found.push({ root, relativePath: path, mtimeMs: lstatSync(join(root, path)).mtimeMs });
  }
}

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

const oldestFirst = (a: ReturnFile, b: ReturnFile) =>
  a.mtimeMs - b.mtimeMs || (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0);

/**
 * The files `churnwatch feedback PATH` loads: PATH itself when it is a file (confined to its own
 * folder), or every file under the folder PATH, oldest first (then by path), so that when a manager
 * returned a list twice the later return is loaded last and wins. The folder PATH itself may be a
 * link (the operator chose it); nothing under it is followed. A missing PATH is wrong usage, or,
 * with `allowMissing` (the job's returns folder before anyone returned a list), nothing to load.
 */
export function findReturnFiles(path: string, allowMissing = false): ReturnFile[] {
  const own = statOrNull(path, false);
  if (!own) {
    if (allowMissing) return [];
    throw new UsageError(`${printable(path)}: no such file or folder`);
  }
  if (statOrNull(path, true)?.isDirectory()) {
    const found: ReturnFile[] = [];
    walk(path, "", found);
    return found.sort(oldestFirst);
  }
  return [{ root: dirname(path), relativePath: basename(path), mtimeMs: own.mtimeMs }];
}
