import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { PopulationEditor } from "./PopulationEditor.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Departure } from "./populationModel.ts";

export interface BackgroundEvent {
  week: string;
  date: string;
  group_id: string;
  msisdn: string;
  event: "joined" | "handset_change" | Departure;
  /** For ported_out: the network the number went to. */
  network?: string;
}

const DEPARTURES: readonly Departure[] = ["left_group", "closed", "ported_out", "suspended"];

/**
 * Ordinary churn in the groups that hold no scenario or decoy: each week a few members leave the
 * group, close, port out or are suspended, some change handsets, and new members join mid-week.
 * These fire signals too (a port-out fires retention_drop), so they are listed in the ground truth.
 */
export function planBackground(ctx: GeneratorContext): BackgroundEvent[] {
  const { options, population, calendar, params } = ctx;
  const b = params.background;
  const events: BackgroundEvent[] = [];
  calendar.weeks.forEach((week, w) => {
    for (const group of population.groups) {
      if (group.planted) continue;
      const editor = new PopulationEditor(ctx, new Random(subSeed(options.seed, "background", group.index, w)));
      const rng = editor.rng;
      const record = (msisdn: string, day: number, event: BackgroundEvent["event"], network?: string) =>
        events.push({ week, date: calendar.dateOf(day), group_id: group.id, msisdn, event, ...(network ? { network } : {}) });
      const active = group.members.filter((m) => m.joinDay < w * 7 && !m.departure);
      for (const member of active) {
        const day = w * 7 + rng.int(0, 6);
        if (rng.chance(b.departurePerMemberWeek)) {
          const status = DEPARTURES[rng.weighted(b.departureMix)];
          const network = rng.chance(b.portToCtShare) ? "CT" : "CU";
          editor.depart(member, day, status, network);
          record(member.msisdn, day, status, status === "ported_out" ? network : undefined);
        } else if (rng.chance(b.handsetChangePerMemberWeek)) {
          editor.newHandset(member, day);
          record(member.msisdn, day, "handset_change");
        }
      }
      const joiners = rng.poisson(active.length * b.joinPerMemberWeek);
      for (let i = 0; i < joiners; i++) {
        const member = editor.join(group, w * 7 + rng.int(0, 6));
        record(member.msisdn, member.joinDay, "joined");
      }
    }
  });
  return events;
}
