import type { FeedbackProblem } from "./feedbackProblem.ts";

// A manager fixes a file from the message: the first problems are enough to start, and a file of
// a thousand bad rows should not make a message of a thousand lines.
const SHOWN = 10;

function where(problem: FeedbackProblem): string {
  return [problem.row === null ? "" : `row ${problem.row}`, problem.column === null ? "" : `column ${problem.column}`].filter(Boolean).join(", ");
}

/**
 * The message a refused file is reported and recorded with: the file, then each problem's row,
 * column and reason (the first ten, then how many more). Problems carry no value, so neither does it.
 */
export function refusalMessage(file: string, problems: FeedbackProblem[]): string {
  const shown = problems.slice(0, SHOWN).map((p) => (where(p) ? `${where(p)}: ${p.reason}` : p.reason));
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : "";
  return `${file}: refused, nothing of it loaded — ${shown.join("; ")}${more}`;
}
