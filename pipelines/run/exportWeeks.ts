import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { exportWeek, type ExportResult } from "../export/exportWeek.ts";
import type { RunContext } from "../export/buildRunReport.ts";
import { loadFeedback } from "../feedback/loadFeedback.ts";
import type { FeedbackReport } from "../feedback/feedbackReport.ts";
import { fillReturns } from "../generate/fillReturns.ts";
import type { ScenarioRecord } from "../generate/plantScenarios.ts";

/** The sample's managers (`churnwatch start` only): they answer each list from the ground truth. */
export interface SampleManagers {
  /** ground_truth.json of the generated sample. */
  truthFile: string;
  /** Where their returns go, a folder per week (loaded before the next week's list). */
  folder: string;
  seed: number;
}

export interface ExportWeeksOptions {
  db: string;
  outDir: string;
  loaded: LoadedConfig;
  context: RunContext;
  /** The folder of managers' returns loaded before each export (config feedback.folder); null: none. */
  returnsFolder: string | null;
  sampleManagers?: SampleManagers;
  log: (line: string) => void;
}

export interface ExportWeeksResult {
  exports: ExportResult[];
  feedback: FeedbackReport[];
}

/**
 * Exports the given weeks oldest first, each after loading the returns that came back on the lists
 * before it (outputs.md "Feedback"; domain.md "Closing the loop": whom nobody reached is carried
 * over onto the next list). With sampleManagers, each list is answered as the sample's managers
 * would before the next one is built, so a first `npm start` shows the loop end to end.
 */
export async function exportWeeks(conn: DuckDBConnection, weeks: readonly string[], options: ExportWeeksOptions): Promise<ExportWeeksResult> {
  const result: ExportWeeksResult = { exports: [], feedback: [] };
  const scenarios = options.sampleManagers && existsSync(options.sampleManagers.truthFile)
    ? (JSON.parse(readFileSync(options.sampleManagers.truthFile, "utf8")) as { scenarios: ScenarioRecord[] }).scenarios
    : null;
  let previous: string | null = null;
  for (const week of weeks) {
    if (options.returnsFolder) {
      result.feedback.push(await loadFeedback(conn, resolve(options.returnsFolder), options.loaded.config, { log: options.log, allowMissing: true }));
    }
    if (options.sampleManagers && scenarios && previous) {
      const folder = join(options.sampleManagers.folder, previous);
      if (existsSync(folder)) result.feedback.push(await loadFeedback(conn, folder, options.loaded.config, { log: options.log }));
    }
    const exported = await exportWeek(conn, { db: options.db, outDir: options.outDir, week, loaded: options.loaded, context: options.context, log: options.log });
    result.exports.push(exported);
    if (options.sampleManagers && scenarios) {
      const filled = await fillReturns(join(exported.dir, "calls"), join(options.sampleManagers.folder, week), scenarios, options.sampleManagers.seed);
      options.log(`sample managers answered ${filled.answered} of ${filled.lines} lines of ${week}`);
    }
    previous = week;
  }
  return result;
}
