import { processStart } from "./processStart.ts";

/**
 * Whether the process that wrote `pid` (and, when known, its start token from processStart) is
 * still running. A pid alone can be handed to an unrelated process after a crash; with the start
 * token a reused pid reads as gone. Without one (another system, or an older lock) a live pid counts.
 */
export function isProcessRunning(pid: number, start: string | null | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (!start) return true;
  const now = processStart(pid);
  return now === null || now === start;
}
