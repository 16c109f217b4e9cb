import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { GeneratorContext } from "./generatorContext.ts";
import type { ScenarioRecord } from "./plantScenarios.ts";
import type { BackgroundEvent } from "./planBackground.ts";

const GROUND_TRUTH_FILE = "ground_truth.json";

/**
 * Writes `out/ground_truth.json` beside the bundle folders (never inside one: a loader must not
 * see the answers). Keys come in a fixed order, so the file is byte-identical for the same run.
 */
export async function writeGroundTruth(ctx: GeneratorContext, scenarios: ScenarioRecord[], background: BackgroundEvent[]): Promise<string> {
  const { options, calendar } = ctx;
  const truth = {
    seed: options.seed,
    weeks: calendar.weeks,
    holiday_weeks: calendar.holidayWeeks().map((h) => h.week),
    scenarios,
    background,
    options: {
      groups: options.groups, weeks: options.weeks, start_week: options.startWeek, planted_share: options.plantedShare,
      cdr_per_member: options.cdrPerMember, encoding: options.encoding, delimiter: options.delimiter, gzip: options.gzip,
    },
  };
  const path = join(options.out, GROUND_TRUTH_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(truth, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return path;
}
