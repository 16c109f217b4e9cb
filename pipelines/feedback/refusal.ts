import type { FeedbackProblem } from "./feedbackProblem.ts";

/** Thrown while reading a returned file: it is refused for these problems, and nothing of it loads. */
export class Refusal extends Error {
  readonly problems: FeedbackProblem[];

  constructor(problems: FeedbackProblem[] | string) {
    const list = typeof problems === "string" ? [{ row: null, column: null, reason: problems }] : problems;
    super(list.map((p) => p.reason).join("; "));
    this.problems = list;
  }
}
