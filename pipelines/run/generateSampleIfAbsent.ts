import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../generate/generate.ts";
import { completeBundles } from "./completeBundles.ts";

/**
 * The sample `npm start` shows. 14 weeks, so that Signal quality has figures on first start: the
 * backtest counts a week once the `backtest.horizonWeeks` (8) weeks after it are loaded, so 6 of
 * the 14 weeks count (planted scenarios start from week 3, so warnings in weeks 3–5 meet their
 * outcomes). 50 groups keep the first start at about two minutes on two cores.
 */
export const SAMPLE = { groups: 50, weeks: 14, seed: 1 } as const;

/**
 * Whether `dir` holds a sample of ours written with other settings (an earlier, shorter one): its
 * ground_truth.json names the generator's seed and weeks. Bundles someone put there themselves
 * (no ground truth) are never touched.
 */
function olderSample(dir: string): boolean {
  const truthFile = join(dir, "ground_truth.json");
  if (!existsSync(truthFile)) return false;
  try {
    const truth = JSON.parse(readFileSync(truthFile, "utf8")) as { seed?: number; weeks?: string[] };
    return truth.seed === SAMPLE.seed && Array.isArray(truth.weeks) && truth.weeks.length < SAMPLE.weeks;
  } catch {
    return false;
  }
}

/**
 * Writes the synthetic sample bundles into `dir` with the generator's `generate()` unless `dir`
 * already holds a complete bundle (deterministic: same seed, same bytes, so there is nothing to
 * redo), or regenerates an earlier, shorter sample of ours. Returns whether it generated.
 */
export async function generateSampleIfAbsent(dir: string, log: (line: string) => void): Promise<boolean> {
  const older = olderSample(dir);
  if (completeBundles(dir) > 0 && !older) return false;
  log(`${older ? "regenerating the sample data (an older, shorter sample is there)" : "generating the sample data"} (${SAMPLE.groups} groups, ${SAMPLE.weeks} weeks, seed ${SAMPLE.seed}) into ${dir}`);
  await generate({ out: dir, ...SAMPLE }, log);
  return true;
}
