import { readFileSync } from "node:fs";
import { BundleError } from "../lib/errors.ts";

/**
 * DuckDB's "Could not set lock on file" (another process has the warehouse open, for writing or
 * reading) as a message that says so plainly and names the holder: its pid, and whether it is a
 * churnwatch job holding the run lock beside the warehouse. Any other error: null.
 */
export function warehouseInUse(e: unknown, db: string): BundleError | null {
  const message = e instanceof Error ? e.message : String(e);
  if (!message.includes("Could not set lock on file")) return null;
  const pid = /\(PID (\d+)\)/.exec(message)?.[1];
  let job = "";
  try {
    const holder = JSON.parse(readFileSync(`${db}.run.lock`, "utf8")) as { pid?: number; command?: string; started_at?: string };
    if (pid === undefined || String(holder.pid) === pid) job = `: a churnwatch ${holder.command} started ${holder.started_at} holds it`;
  } catch {
    // no run lock: another kind of process (a DuckDB shell, a dashboard build reading it)
  }
  return new BundleError(
    `the warehouse ${db} is open in another process${pid ? ` (pid ${pid})` : ""}${job}; nothing was done: try again when it has finished`,
  );
}
