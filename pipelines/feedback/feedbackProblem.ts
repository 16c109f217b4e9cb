/**
 * Why a returned file, or one of its lines, cannot be loaded: where (row as the manager's
 * spreadsheet shows it, column as a message names it) and why, never the value (privacy.md).
 */
export interface FeedbackProblem {
  /** null: the file as a whole. */
  row: number | null;
  /** null: no one column. */
  column: string | null;
  reason: string;
}
