import type { RunCalendar } from "./RunCalendar.ts";
import type { GeneratorParams } from "./generatorDefaults.ts";
import type { Population } from "./populationModel.ts";
import type { GenerateOptions } from "./generateOptions.ts";

/** What every stage of one run reads: its options, parameters, calendar and (once built) population. */
export interface GeneratorContext {
  options: GenerateOptions;
  params: GeneratorParams;
  calendar: RunCalendar;
  population: Population;
}
