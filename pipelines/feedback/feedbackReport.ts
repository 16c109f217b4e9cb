import type { FeedbackProblem } from "./feedbackProblem.ts";

/** What became of one returned file. Counts, names and messages only: no value from the file. */
export interface FeedbackFileReport {
  /** The file's path under the folder loaded (its name, when one file was given). */
  file: string;
  /**
   * loaded: its calls are in the warehouse now; unchanged: these exact bytes were loaded before,
   * nothing was done; refused: nothing of it was loaded (message and problems say why).
   */
  outcome: "loaded" | "unchanged" | "refused";
  /** sha256 of its bytes; null when it was not read (a link, a file too large). */
  sha256: string | null;
  /** Whose list of which week it answers, once known (managerId null also for the groups without a manager). */
  managerId: string | null;
  week: string | null;
  /** Call records taken from it (for unchanged: when it was loaded); 0 when refused. */
  rows: number;
  /** Of those, calls that replaced an earlier return for the same line. */
  replaced: number;
  /** Lines of the list the manager filled nothing in: not call records, skipped. */
  blank: number;
  /** Refused: file, then each problem's row, column and reason. */
  message: string | null;
  problems: FeedbackProblem[];
}

/** `churnwatch feedback PATH` (and `run`'s feedback step): one entry per file found. */
export interface FeedbackReport {
  path: string;
  /** refused: at least one file was refused; loaded: at least one loaded and none refused; nothing_new otherwise. */
  outcome: "loaded" | "nothing_new" | "refused";
  loaded: number;
  unchanged: number;
  refused: number;
  files: FeedbackFileReport[];
  durationMs: number;
}
