import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const PHASE_RUNNER = fileURLToPath(new URL("./runPhase.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));

export interface PhaseResult {
  phase: string;
  seconds: number;
  /** Peak resident set of the phase's own process (DuckDB's native memory included), MB. */
  peakRssMb: number;
  /** Whatever figures the phase reports (rows, per-layer timings, bytes…). */
  figures: Record<string, unknown>;
}

/**
 * Runs one benchmark phase in its own process, so that its peak RSS is its own and a phase
 * cannot warm another's caches inside one DuckDB instance.
 */
export function measureChild(phase: string, args: Record<string, unknown>): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, PHASE_RUNNER, phase, JSON.stringify(args)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`benchmark phase ${phase} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as PhaseResult);
    });
  });
}
