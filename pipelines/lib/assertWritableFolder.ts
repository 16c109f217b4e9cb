import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./errors.ts";

/**
 * Refuses an output folder the job could not write, before it does any work: a full rescore that
 * ends in EACCES at the export is an hour lost. The folder need not exist yet; then the nearest
 * existing folder above it must be writable (it will be created there). Touches nothing.
 */
export function assertWritableFolder(dir: string, what: string): void {
  let probe = resolve(dir);
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  if (!statSync(probe).isDirectory()) throw new UsageError(`${what} ${dir}: ${probe} is not a folder`);
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new UsageError(`${what} ${dir}: ${probe} is not writable (${(e as NodeJS.ErrnoException).code ?? e}); nothing was done`);
  }
}
