import { readFileSync } from "node:fs";

/**
 * When a process started, as a token that tells it from a later process given the same pid: the
 * boot (Linux's boot_id) and the start time in clock ticks since boot (/proc/PID/stat, field 22).
 * null where /proc is not there (the caller then trusts the pid alone) or the process is gone.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = fields[19];
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim().replace(/-/g, "").slice(0, 12);
    return /^\d+$/.test(ticks) && /^[0-9a-f]+$/.test(boot) ? `${boot}.${ticks}` : null;
  } catch {
    return null;
  }
}
