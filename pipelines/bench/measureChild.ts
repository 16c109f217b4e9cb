import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PHASE_RUNNER = fileURLToPath(new URL("./runPhase.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
/** GNU time: its %M is the largest resident set of the process and every child it waited for. */
const GNU_TIME = "/usr/bin/time";

export interface PhaseResult {
  phase: string;
  /** Wall time of the phase's work, measured inside its process (start-up of Node and tsx excluded). */
  seconds: number;
  /**
   * Peak resident set, MB: of the phase's own process (DuckDB's native memory included) or, when
   * GNU time is installed, of the largest process of its tree (the dashboard's loaders, Chromium).
   */
  peakRssMb: number;
  /** The phase process's own peak, MB. */
  selfPeakRssMb: number;
  /** Whatever figures the phase reports (rows, per-layer timings, bytes…). */
  figures: Record<string, unknown>;
  /** What the phase wrote on stdout (a command's `--json` report). */
  stdout: string;
  /** Largest size seen of the watched folder (DuckDB's spill files), MB; 0 when not watched. */
  watchedPeakMb: number;
}

export interface ChildOptions {
  /** A folder to poll while the phase runs (DuckDB's temp directory, `<db>.tmp`): its peak size is reported. */
  watchDir?: string;
}

/**
 * Runs one benchmark phase in its own process, so that its peak RSS is its own and a phase
 * cannot warm another's caches inside one DuckDB instance. A phase that fails rejects with its exit status.
 */
export function measureChild(phase: string, args: Record<string, unknown>, options: ChildOptions = {}): Promise<PhaseResult> {
  const scratch = mkdtempSync(join(tmpdir(), "cw-bench-"));
  const resultFile = join(scratch, "result.json");
  const timeFile = join(scratch, "time.txt");
  const node = [process.execPath, TSX, PHASE_RUNNER, phase, JSON.stringify(args)];
  const useTime = existsSync(GNU_TIME);
  const [command, ...commandArgs] = useTime ? [GNU_TIME, "-f", "%M", "-o", timeFile, ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, BENCH_RESULT: resultFile },
    });
    let out = "";
    let watchedPeak = 0;
    const poll = options.watchDir
      ? setInterval(() => (watchedPeak = Math.max(watchedPeak, diskBytes(options.watchDir!))), 250)
      : null;
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", (e) => {
      if (poll) clearInterval(poll);
      reject(e);
    });
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      try {
        if (code !== 0 || !existsSync(resultFile)) {
          const error = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, "utf8")) as { error?: string }).error : undefined;
          reject(new Error(error ?? `benchmark phase ${phase} exited with ${code}`));
          return;
        }
        const result = JSON.parse(readFileSync(resultFile, "utf8")) as Omit<PhaseResult, "stdout" | "watchedPeakMb" | "peakRssMb">;
        const treeKb = useTime ? Number(readFileSync(timeFile, "utf8").trim().split("\n").pop()) : NaN;
        const tree = Number.isFinite(treeKb) ? Math.round(treeKb / 1024) : 0;
        resolve({ ...result, peakRssMb: Math.max(tree, result.selfPeakRssMb), stdout: out, watchedPeakMb: Math.round(watchedPeak / 1e6) });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

/** Bytes a folder's files take on disk (blocks allocated: spill files may be sparse). */
export function diskBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    try {
      if (e.isDirectory()) total += diskBytes(path);
      else total += statSync(path).blocks * 512;
    } catch {
      // a spill file removed between the listing and the stat
    }
  }
  return total;
}
