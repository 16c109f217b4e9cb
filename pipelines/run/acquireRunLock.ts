import { hostname } from "node:os";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { BundleError } from "../lib/errors.ts";
import { processStart } from "../lib/processStart.ts";
import { isProcessRunning } from "../lib/isProcessRunning.ts";

interface LockHolder {
  pid: number;
  /** processStart of the holder: a crashed run's pid, later given to another process, is not it. */
  pid_start?: string | null;
  host: string;
  started_at: string;
  command: string;
}

function isAlive(holder: LockHolder): boolean {
  // Another machine's pid cannot be checked from here: count it as alive rather than run twice.
  if (holder.host !== hostname()) return true;
  return isProcessRunning(holder.pid, holder.pid_start);
}

// A lock file younger than this with no readable holder is being written by its taker right now.
const WRITING_GRACE_MS = 10_000;

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return null; // vanished, or half-written by a run that crashed while taking it
  }
}

function isBeingWritten(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < WRITING_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Takes the one-run-at-a-time lock: a file created exclusively, holding the holder's pid, host,
 * start time and command. While a live process holds it, a second run stops at once with a
 * BundleError (exit 1) that names the holder. A lock whose process is gone (a crashed or killed run),
 * or whose pid now belongs to another process (the holder's start time is kept beside its pid),
 * is taken over: it is first renamed aside, which only one contender can do, so two runs that both
 * find it stale cannot both proceed. Returns the release function (removes the lock if still ours).
 */
export function acquireRunLock(path: string, command: string): () => void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const me: LockHolder = { pid: process.pid, pid_start: processStart(process.pid), host: hostname(), started_at: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: "wx", mode: 0o600 });
      return () => {
        const holder = readHolder(path);
        if (holder?.pid === me.pid && holder.started_at === me.started_at) rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readHolder(path);
    if (!holder && isBeingWritten(path)) {
      throw new BundleError(`another churnwatch run is taking the lock ${path} right now; this one stops without doing anything`);
    }
    if (holder && isAlive(holder)) {
      throw new BundleError(
        `another churnwatch ${holder.command} is in progress (pid ${holder.pid} on ${holder.host}, started ${holder.started_at}); ` +
          `this one stops without doing anything. Lock: ${path}`,
      );
    }
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      rmSync(`${path}.stale-${process.pid}`, { force: true });
    } catch {
      // another contender moved it first; try again
    }
  }
  throw new BundleError(`could not take the run lock ${path}: it keeps changing hands; try again`);
}
