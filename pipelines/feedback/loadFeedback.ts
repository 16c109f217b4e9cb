import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { sql } from "../db/sql.ts";
import { printable } from "../lib/printable.ts";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";
import type { FeedbackFileReport, FeedbackReport } from "./feedbackReport.ts";
import { findReturnFiles } from "./findReturnFiles.ts";
import { loadReturnFile } from "./loadReturnFile.ts";

export interface LoadFeedbackOptions {
  /** Progress, a line per file (names, counts and reasons only: never a value from a file). */
  log?: (line: string) => void;
  /** A missing PATH is nothing to load rather than wrong usage (`run`'s returns folder before the first return). */
  allowMissing?: boolean;
}

function describe(f: FeedbackFileReport): string {
  const list = f.week ? ` (${f.managerId === null ? "groups without a manager" : `manager ${printable(f.managerId)}`}, ${f.week})` : "";
  if (f.outcome === "refused") return f.message!;
  if (f.outcome === "unchanged") return `${f.file}: unchanged, loaded before${list}`;
  return `${f.file}: loaded ${f.rows} call(s)${list}${f.replaced ? `, ${f.replaced} replacing an earlier return` : ""}${f.blank ? `; ${f.blank} line(s) left blank` : ""}`;
}

/**
 * Loads managers' returned call lists (outputs.md "Feedback: a returned call list"): the file PATH,
 * or every file under the folder PATH, oldest first. Each file loads whole or not at all, in its own
 * transaction; a refused file is reported and recorded, and the others still load; the same bytes
 * twice change nothing. `churnwatch feedback` and `churnwatch run` both call this.
 */
export async function loadFeedback(conn: DuckDBConnection, path: string, config: Config, options: LoadFeedbackOptions = {}): Promise<FeedbackReport> {
  const started = Date.now();
  const files = findReturnFiles(path, options.allowMissing);
  await ensureScoreTables(conn);
  await sql.script(conn, "feedback/schema.sql");
  const report: FeedbackReport = { path: printable(path), outcome: "nothing_new", loaded: 0, unchanged: 0, refused: 0, files: [], durationMs: 0 };
  for (const found of files) {
    const result = await loadReturnFile(conn, found, config.feedback, new Date().toISOString());
    report.files.push(result);
    report[result.outcome]++;
    options.log?.(`feedback ${describe(result)}`);
  }
  report.outcome = report.refused > 0 ? "refused" : report.loaded > 0 ? "loaded" : "nothing_new";
  report.durationMs = Date.now() - started;
  return report;
}
