import { cumulativeWeights } from "./cumulativeWeights.ts";
import { searchCumulative } from "./searchCumulative.ts";
import type { Random } from "./Random.ts";
import type { TacModel } from "./buildTacCatalog.ts";

const cumulativeCache = new WeakMap<readonly TacModel[], Float64Array>();

/** A handset model drawn by popularity, optionally among those passing `filter` (e.g. dual-SIM). */
export function pickTacModel(catalog: readonly TacModel[], rng: Random, filter?: (m: TacModel) => boolean): TacModel {
  const models = filter ? catalog.filter(filter) : catalog;
  let cumulative = cumulativeCache.get(models);
  if (!cumulative) {
    cumulative = cumulativeWeights(models.map((m) => m.popularity));
    if (!filter) cumulativeCache.set(models, cumulative);
  }
  return models[searchCumulative(cumulative, rng.next() * cumulative[cumulative.length - 1])];
}
