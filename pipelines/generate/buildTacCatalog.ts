import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import type { GeneratorParams } from "./generatorDefaults.ts";

export interface TacModel {
  tac: string;
  brand: string;
  model: string;
  simSlots: 1 | 2;
  /** '|'-separated, as tac.csv carries it. */
  networks: string;
  launched: number;
  /** Can hold a China Telecom SIM (CDMA2000). */
  cdma2000: boolean;
  /** Relative share of the handsets in use. */
  popularity: number;
}

interface Series {
  name: string;
  generations: ReadonlyArray<string | number>;
  firstYear: number;
  /** Generations launched per year. */
  perYear: number;
}

interface Brand {
  brand: string;
  /** First two TAC digits: 86 for models allocated in China, 35 for the others. */
  tacHead: string;
  share: number;
  cdma2000Share: number;
  variants: readonly string[];
  series: readonly Series[];
  /** Models launched before this year hold one SIM (older iPhones, feature phones). */
  dualSimFrom: number;
}

const LATEST_YEAR = 2025;
const NR_FROM_YEAR = 2020;
const TD_SCDMA_UNTIL_YEAR = 2019;

const BRANDS: readonly Brand[] = [
  { brand: "华为", tacHead: "86", share: 0.2, cdma2000Share: 0.75, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "Mate", generations: [20, 30, 40, 50, 60, 70], firstYear: 2018, perYear: 1 },
    { name: "P", generations: [30, 40, 50, 60, 70], firstYear: 2019, perYear: 1 },
    { name: "nova", generations: [7, 8, 9, 10, 11, 12, 13], firstYear: 2020, perYear: 1.5 },
    { name: "畅享", generations: [20, 50, 60, 70], firstYear: 2020, perYear: 1 },
  ] },
  { brand: "荣耀", tacHead: "86", share: 0.11, cdma2000Share: 0.7, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "Magic", generations: [3, 4, 5, 6, 7], firstYear: 2019, perYear: 1 },
    { name: "荣耀", generations: [30, 50, 70, 80, 90, 100, 200], firstYear: 2020, perYear: 1.5 },
    { name: "X", generations: [30, 40, 50], firstYear: 2021, perYear: 1 },
    { name: "Play", generations: [5, 6, 7, 8], firstYear: 2021, perYear: 1 },
  ] },
  { brand: "小米", tacHead: "86", share: 0.14, cdma2000Share: 0.7, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "小米", generations: [10, 11, 12, 13, 14, 15], firstYear: 2020, perYear: 1 },
    { name: "Redmi Note", generations: [9, 10, 11, 12, 13, 14], firstYear: 2020, perYear: 1 },
    { name: "Redmi K", generations: [30, 40, 50, 60, 70], firstYear: 2020, perYear: 1 },
  ] },
  { brand: "OPPO", tacHead: "86", share: 0.13, cdma2000Share: 0.7, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "Reno", generations: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], firstYear: 2020, perYear: 2 },
    { name: "Find X", generations: [2, 3, 5, 6, 7, 8], firstYear: 2020, perYear: 1 },
    { name: "A", generations: [36, 56, 58, 1, 2, 3], firstYear: 2021, perYear: 1.5 },
  ] },
  { brand: "vivo", tacHead: "86", share: 0.14, cdma2000Share: 0.7, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "X", generations: [50, 60, 70, 80, 90, 100, 200], firstYear: 2020, perYear: 1.2 },
    { name: "S", generations: [7, 9, 10, 12, 15, 16, 17, 18, 19], firstYear: 2020, perYear: 2 },
    { name: "Y", generations: [30, 33, 35, 36, 37, 77, 78], firstYear: 2021, perYear: 1.5 },
    { name: "iQOO", generations: [7, 8, 9, 10, 11, 12, 13], firstYear: 2021, perYear: 1.5 },
  ] },
  { brand: "Apple", tacHead: "35", share: 0.17, cdma2000Share: 0.8, variants: ["", " Pro", " Pro Max"], dualSimFrom: 2018, series: [
    { name: "iPhone", generations: [8, "X", "XS", 11, 12, 13, 14, 15, 16], firstYear: 2017, perYear: 1 },
  ] },
  { brand: "三星", tacHead: "35", share: 0.04, cdma2000Share: 0.5, variants: ["", "+"], dualSimFrom: 0, series: [
    { name: "Galaxy S", generations: [20, 21, 22, 23, 24, 25], firstYear: 2020, perYear: 1 },
    { name: "Galaxy A", generations: [52, 53, 54, 55], firstYear: 2021, perYear: 1 },
    { name: "Galaxy Z Flip", generations: [3, 4, 5, 6], firstYear: 2021, perYear: 1 },
  ] },
  { brand: "一加", tacHead: "86", share: 0.03, cdma2000Share: 0.6, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "一加", generations: [8, 9, 10, 11, 12, 13], firstYear: 2020, perYear: 1 },
    { name: "一加 Ace", generations: [1, 2, 3], firstYear: 2022, perYear: 1 },
  ] },
  { brand: "realme", tacHead: "86", share: 0.02, cdma2000Share: 0.6, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "GT", generations: [2, 3, 5, 6], firstYear: 2021, perYear: 1 },
    { name: "realme", generations: [10, 11, 12, 13], firstYear: 2022, perYear: 1.5 },
  ] },
  { brand: "中兴", tacHead: "86", share: 0.01, cdma2000Share: 0.8, variants: ["", " Pro"], dualSimFrom: 0, series: [
    { name: "Axon", generations: [30, 40, 50, 60], firstYear: 2021, perYear: 1 },
    { name: "远航", generations: [30, 40, 50], firstYear: 2022, perYear: 1 },
  ] },
  { brand: "魅族", tacHead: "86", share: 0.005, cdma2000Share: 0.6, variants: [""], dualSimFrom: 0, series: [
    { name: "魅族", generations: [18, 20, 21], firstYear: 2021, perYear: 1 },
  ] },
  { brand: "守护宝", tacHead: "86", share: 0.015, cdma2000Share: 0.2, variants: [""], dualSimFrom: 2020, series: [
    { name: "K", generations: [1, 2, 3, 5, 8, 9], firstYear: 2016, perYear: 1 },
  ] },
];

/**
 * The handset models of tac.csv: ~300 models of the brands sold in China, with launch years,
 * SIM slots (nearly every recent model is dual-SIM) and networks (CDMA2000 on most 全网通
 * models). Deterministic per seed; popularity weights favour recent models. Brand shares and
 * series are catalogue data kept here; the popularity weights are generator parameters.
 */
export function buildTacCatalog(seed: number, params: GeneratorParams): TacModel[] {
  const { handsetRecency, handsetBaseModelFactor } = params.population;
  const rng = new Random(subSeed(seed, "tac"));
  const used = new Set<string>();
  const models: TacModel[] = [];
  for (const brand of BRANDS) {
    const brandModels: TacModel[] = [];
    for (const series of brand.series) {
      series.generations.forEach((generation, index) => {
        const launched = Math.min(LATEST_YEAR, series.firstYear + Math.floor(index / series.perYear));
        brand.variants.forEach((variant, v) => {
          let tac: string;
          do tac = brand.tacHead + rng.digits(6);
          while (used.has(tac));
          used.add(tac);
          const cdma2000 = rng.chance(brand.cdma2000Share);
          const networks = ["GSM", launched <= TD_SCDMA_UNTIL_YEAR ? "TD-SCDMA" : null, "WCDMA",
            cdma2000 ? "CDMA2000" : null, "LTE", launched >= NR_FROM_YEAR ? "NR" : null].filter((n) => n !== null);
          brandModels.push({
            tac, brand: brand.brand, model: `${series.name} ${generation}${variant}`.trim(),
            simSlots: launched >= brand.dualSimFrom ? 2 : 1, networks: networks.join("|"), launched, cdma2000,
            popularity: handsetRecency.find((r) => launched >= r.from)!.factor * (v === 0 ? handsetBaseModelFactor : 1),
          });
        });
      });
    }
    const total = brandModels.reduce((sum, m) => sum + m.popularity, 0);
    for (const m of brandModels) models.push({ ...m, popularity: (m.popularity / total) * brand.share });
  }
  return models;
}
