import { join } from "node:path";
import { defaultTables, writeBundle } from "./bundleFixture.ts";
import { tempDir } from "./warehouse.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { runJob, type RunReport } from "../../pipelines/run/runJob.ts";
import type { Progress } from "../../pipelines/run/progressReporter.ts";

export const RUN_WEEKS = ["2026-W45", "2026-W46", "2026-W47"];

/** Collects the job's progress lines instead of printing them. */
export function quietProgress(lines: string[] = []): Progress {
  return { stage: (i, name, detail) => lines.push(`[${i}] ${name} ${detail ?? ""}`), log: (l) => lines.push(l), tick: () => {}, done: () => {} };
}

/** One small bundle for `week`; G001's agreement ends within the month, so the real scorer flags it. */
export function writeRunBundle(extracts: string, week: string): string {
  const tables = defaultTables(week);
  tables.groups[0] = { ...tables.groups[0], contract_end: "2026-12-10" };
  return writeBundle(extracts, { week, tables: { groups: tables.groups } });
}

/** An extracts root with the given weeks, a warehouse path and an out folder, in a fresh temp dir. */
export function runFixture(weeks = RUN_WEEKS) {
  const root = tempDir("cw-run-");
  const extracts = join(root, "extracts");
  for (const week of weeks) writeRunBundle(extracts, week);
  return { root, extracts, db: join(root, "data", "wh.duckdb"), out: join(root, "out") };
}

export function run(fixture: { extracts: string; db: string; out: string }, configFile?: string, lines?: string[]): Promise<RunReport> {
  return runJob({
    path: fixture.extracts, db: fixture.db, outDir: fixture.out, loaded: loadConfig(configFile), command: "run", progress: quietProgress(lines),
  });
}
