import { join } from "node:path";

/**
 * Where the one-run-at-a-time lock lives: beside the warehouse (`<db>.run.lock`), since the warehouse
 * is what two runs must not share; an in-memory warehouse locks its output folder instead.
 */
export function runLockPath(db: string, outDir: string): string {
  return `${db === ":memory:" ? join(outDir, "churnwatch") : db}.run.lock`;
}
