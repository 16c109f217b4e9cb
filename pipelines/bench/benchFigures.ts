import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The seconds of each '<bundle>: features N s' line the ingest logs (the features step of each bundle). */
export function featuresSecondsIn(log: string): number[] {
  return [...log.matchAll(/^[^\n]*: features (\d+(?:\.\d+)?) s$/gm)].map((m) => Number(m[1]));
}

/** "1.83 × (target ≤ 1.5 ×: missed)"; no target: just the ratio. */
export function ratioText(ours: number, yardstick: number, target?: number): string {
  const ratio = ours / yardstick;
  const text = `${ratio.toFixed(2)} ×`;
  if (target === undefined) return text;
  return `${text} (target ≤ ${target} ×: ${ratio <= target ? "met" : "MISSED"})`;
}

/** "2871 MB (target ≤ 3072 MB: met)". */
export function peakText(mb: number, targetMb: number): string {
  return `${mb} MB (target ≤ ${targetMb} MB: ${mb <= targetMb ? "met" : "MISSED"})`;
}

/** The run with the smallest wall time. */
export function best<T extends { seconds: number }>(runs: T[]): T {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

export interface SizeSplit {
  /** Bytes per week with every week's raw records kept. */
  perWeekWithRaw: number;
  /** Bytes per week that stay after the raw records are pruned (features, members, scores…). */
  perWeekWithoutRaw: number;
  /** Bytes of one week's raw records. */
  rawPerWeek: number;
}

/**
 * Splits the warehouse's used bytes into a week's raw records and the rest, from two measurements of
 * the same warehouse: with all `weeks` weeks' raw records, and after the prune left `rawWeeksKept`.
 *   before = weeks × (raw + rest) + fixed,  after = rawWeeksKept × raw + weeks × (rest) + fixed;
 * the fixed part (schema, small tables) is counted into `rest`.
 */
export function splitWarehouseSize(before: number, after: number, weeks: number, rawWeeksKept: number): SizeSplit {
  if (weeks <= rawWeeksKept) throw new Error(`the prune kept ${rawWeeksKept} of ${weeks} weeks: nothing to compare`);
  const rawPerWeek = (before - after) / (weeks - rawWeeksKept);
  return { perWeekWithRaw: before / weeks, perWeekWithoutRaw: (after - rawWeeksKept * rawPerWeek) / weeks, rawPerWeek };
}

/** The CDR files of a bundle folder, as its manifest lists them. */
export function cdrFiles(bundleDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(bundleDir, "manifest.json"), "utf8")) as { files: Array<{ table: string; path: string }> };
  return manifest.files.filter((f) => f.table === "cdr").map((f) => join(bundleDir, f.path));
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString("en")} MB`;
}
