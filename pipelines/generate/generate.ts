import { mkdir } from "node:fs/promises";
import type { z } from "zod";
import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { numberPlan } from "./numberPlan.ts";
import { RunCalendar } from "./RunCalendar.ts";
import { generatorDefaults } from "./generatorDefaults.ts";
import { generateOptions } from "./generateOptions.ts";
import { buildTacCatalog } from "./buildTacCatalog.ts";
import { buildPopulation } from "./buildPopulation.ts";
import { plantScenarios } from "./plantScenarios.ts";
import { planBackground } from "./planBackground.ts";
import { writeWeekBundle, type WeekBundle } from "./writeWeekBundle.ts";
import { writeGroundTruth } from "./writeGroundTruth.ts";
import type { GeneratorContext } from "./generatorContext.ts";

export interface GenerateResult {
  out: string;
  weeks: WeekBundle[];
  groundTruth: string;
  groups: number;
  /** Members ever listed (joiners included). */
  members: number;
  cdrRows: number;
  seconds: number;
}

/**
 * Writes `weeks` synthetic weekly bundles under `out` and `out/ground_truth.json`. Everything is
 * planned first (population, scenarios, background churn: small), then each week is streamed to
 * disk. Same options, same bytes. Throws a ZodError for invalid options.
 */
export async function generate(input: z.input<typeof generateOptions>, log: (line: string) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const options = generateOptions.parse(input);
  const params = generatorDefaults;
  const serviceRng = new Random(subSeed(options.seed, "service-numbers"));
  const ctx: GeneratorContext = {
    options,
    params,
    calendar: new RunCalendar(options.startWeek, options.weeks, params),
    population: {
      branches: [], managers: [], groups: [], members: [],
      tac: buildTacCatalog(options.seed, params),
      cells: Array.from({ length: params.population.cityCells }, (_, i) => `C${10_000 + i}`),
      serviceNumbers: Array.from({ length: params.usage.serviceNumbers }, () => numberPlan.of("UNKNOWN", serviceRng)),
    },
  };
  buildPopulation(ctx);
  const scenarios = plantScenarios(ctx);
  const background = planBackground(ctx);
  log(`${options.groups} groups, ${ctx.population.members.length} members, ${scenarios.length} scenarios and decoys, ${background.length} background events`);

  await mkdir(options.out, { recursive: true });
  const weeks: WeekBundle[] = [];
  for (let w = 0; w < options.weeks; w++) {
    const bundle = await writeWeekBundle(ctx, w);
    weeks.push(bundle);
    log(`${bundle.week}: ${bundle.cdrRows} CDR rows in ${bundle.seconds.toFixed(1)} s (${Math.round(bundle.cdrRows / bundle.seconds)} rows/s)`);
  }
  const groundTruth = await writeGroundTruth(ctx, scenarios, background);
  return {
    out: options.out,
    weeks,
    groundTruth,
    groups: options.groups,
    members: ctx.population.members.length,
    cdrRows: weeks.reduce((sum, w) => sum + w.cdrRows, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
