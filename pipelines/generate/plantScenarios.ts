import { SIGNAL_CODES, type SignalCode } from "../config/scoringConfig.ts";
import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { Planter } from "./Planter.ts";
import { scenarioKinds } from "./scenarioKinds.ts";
import { decoyKinds } from "./decoyKinds.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Group } from "./populationModel.ts";
import type { Planted, ScenarioKind } from "./ScenarioKind.ts";

/** One ground-truth record (README "Synthetic data" documents each field). */
export interface ScenarioRecord {
  id: string;
  kind: string;
  signal: SignalCode;
  model: string | null;
  group_id: string | null;
  members: string[];
  key_persons: boolean;
  start_week: string | null;
  fires_from: string | null;
  decoy: boolean;
  quiet: SignalCode[];
  notes: string;
  [extra: string]: unknown;
}

const ID_DIGITS = 4;

/**
 * Plants the scenarios and decoys and returns their ground-truth records. Planted groups are a
 * seeded shuffle's first plantedShare; kinds cycle over them (wrapping when groups are fewer than
 * kinds). Decoys go to groups without a scenario when there are any, else beside scenarios whose
 * side effects cannot fire the decoy's quiet codes. A scenario's quiet codes are every code that
 * nothing planted in its group may fire.
 */
export function plantScenarios(ctx: GeneratorContext): ScenarioRecord[] {
  const { options, population, params, calendar } = ctx;
  const order = new Random(subSeed(options.seed, "planted-groups")).sample(population.groups, Infinity);
  const plantedGroups = order.slice(0, Math.round(options.plantedShare * order.length));
  const placed: Array<{ kind: ScenarioKind; group: Group; planted: Planted }> = [];
  const firingIn = new Map<Group, Set<SignalCode>>();
  const mayFireIn = (group: Group) => firingIn.get(group) ?? new Set<SignalCode>();

  const tryPlant = (kind: ScenarioKind, group: Group, instance: number): boolean => {
    const planter = new Planter(ctx, new Random(subSeed(options.seed, "plant", group.index, kind.kind, instance)), group);
    const planted = kind.plant(planter);
    if (!planted) return false;
    for (const m of [...planted.members, ...(planted.alsoReserved ?? [])]) m.reserved = true;
    group.planted = true;
    placed.push({ kind, group, planted });
    firingIn.set(group, new Set([...mayFireIn(group), ...kind.mayFire]));
    return true;
  };

  if (plantedGroups.length > 0) {
    for (let i = 0; i < Math.max(plantedGroups.length, scenarioKinds.length); i++) {
      tryPlant(scenarioKinds[i % scenarioKinds.length], plantedGroups[i % plantedGroups.length], 0);
    }
  }
  const decoysPerKind = Math.max(1, Math.round(params.scenarios.decoyShare * order.length));
  for (const kind of decoyKinds) {
    for (let n = 0; n < decoysPerKind; n++) {
      const candidates = [...order.filter((g) => !g.planted), ...order.filter((g) => g.planted)];
      const home = candidates.find((g) => !kind.quiet!.some((code) => mayFireIn(g).has(code)) && tryPlant(kind, g, n));
      // No group could take this one (the run is too short for it): the next would fare no better.
      if (!home) break;
    }
  }

  const counters = { S: 0, D: 0 };
  const id = (prefix: "S" | "D") => `${prefix}${String(++counters[prefix]).padStart(ID_DIGITS, "0")}`;
  const records = placed.map(({ kind, group, planted }): ScenarioRecord => {
    const decoy = kind.quiet !== undefined;
    const firing = mayFireIn(group);
    return {
      id: id(decoy ? "D" : "S"),
      kind: kind.kind,
      signal: kind.signal,
      model: kind.model,
      group_id: group.id,
      members: planted.members.map((m) => m.msisdn),
      key_persons: planted.members.some((m) => m.role !== "member"),
      start_week: planted.start === null ? null : calendar.weeks[planted.start],
      fires_from: planted.firesFrom === null ? null : calendar.weeks[planted.firesFrom],
      decoy,
      quiet: decoy ? [...kind.quiet!] : SIGNAL_CODES.filter((c) => !firing.has(c)),
      notes: planted.notes,
      ...planted.extra,
    };
  });

  const holidays = calendar.holidayWeeks();
  records.push({
    id: id("D"), kind: "decoy:holiday", signal: "mou_drop", model: null, group_id: null, members: [], key_persons: false,
    start_week: holidays[0]?.week ?? null, fires_from: null, decoy: true, quiet: ["mou_drop"],
    notes: holidays.length === 0
      ? "no holiday falls inside this run"
      : `everyone's usage falls in ${holidays.map((h) => `${h.week} (${h.name}, ${h.days} day(s), about ${Math.round(h.drop * 100)}%)`).join(", ")}: no usage-drop flag is expected in groups without a scenario`,
    holidays,
  });
  return records;
}
