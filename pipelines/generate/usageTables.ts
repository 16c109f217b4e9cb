import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import type { GeneratorParams } from "./generatorDefaults.ts";

/** Resolution of the lookup tables that replace per-record distribution math in the CDR loop. */
const QUANTILES = 4096;
const HOUR_SLOTS = 1024;
const SECONDS_PER_DAY = 86_400;

export interface UsageTables {
  /** 'HH:MM:SS' for every second of the day. */
  timeOfDay: string[];
  /** Call lengths (s): a uniform index draws from the log-normal. */
  durations: Int32Array;
  /** Hour of day for a uniform slot, working days and rest days. */
  hourWork: Uint8Array;
  hourRest: Uint8Array;
  /** Zero-padded sequence numbers for record ids. */
  sequence: string[];
}

const cache = new WeakMap<GeneratorParams, UsageTables>();

/** Tables built once per parameter set, so the hot loop indexes arrays instead of formatting or sampling. */
export function usageTables(params: GeneratorParams): UsageTables {
  let tables = cache.get(params);
  if (tables) return tables;
  const u = params.usage;
  const pad = (n: number) => String(n).padStart(2, "0");
  const timeOfDay = Array.from({ length: SECONDS_PER_DAY }, (_, s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`);
  // A fixed stream, not the run's seed: the table is part of the model's shape, like its parameters.
  const rng = new Random(subSeed("durations"));
  const durations = new Int32Array(QUANTILES);
  for (let i = 0; i < QUANTILES; i++) {
    durations[i] = Math.max(1, Math.min(u.callDurationMaxS, Math.round(rng.logNormal(u.callDurationMedianS, u.callDurationSigma))));
  }
  tables = {
    timeOfDay,
    durations,
    hourWork: hourTable(u.hourWeightsWork),
    hourRest: hourTable(u.hourWeightsRest),
    sequence: Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, "0")),
  };
  cache.set(params, tables);
  return tables;
}

function hourTable(weights: readonly number[]): Uint8Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint8Array(HOUR_SLOTS);
  let hour = 0;
  let cumulative = weights[0] / total;
  for (let slot = 0; slot < HOUR_SLOTS; slot++) {
    while ((slot + 0.5) / HOUR_SLOTS > cumulative && hour < weights.length - 1) cumulative += weights[++hour] / total;
    table[slot] = hour;
  }
  return table;
}
