import { generate } from "../generate/generate.ts";
import { completeBundles } from "./completeBundles.ts";

/** The sample `npm start` shows: small enough to build in a minute or two, long enough for baselines. */
const SAMPLE = { groups: 50, weeks: 8, seed: 1 } as const;

/**
 * Writes the synthetic sample bundles into `dir` with the generator's `generate()` unless `dir`
 * already holds a complete bundle (deterministic: same seed, same bytes, so there is nothing to
 * redo). Returns whether it generated.
 */
export async function generateSampleIfAbsent(dir: string, log: (line: string) => void): Promise<boolean> {
  if (completeBundles(dir) > 0) return false;
  log(`generating the sample data (${SAMPLE.groups} groups, ${SAMPLE.weeks} weeks, seed ${SAMPLE.seed}) into ${dir}`);
  await generate({ out: dir, ...SAMPLE }, log);
  return true;
}
