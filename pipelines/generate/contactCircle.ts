import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { numberPlan } from "./numberPlan.ts";
import { cumulativeWeights } from "./cumulativeWeights.ts";
import { networks, type Network } from "./networks.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Member } from "./populationModel.ts";

/** The people a member talks to, as parallel arrays (the CDR loop reads them per record). */
export interface ContactCircle {
  numbers: string[];
  /** Network in the portability database before any change. */
  baseNetwork: Network[];
  /** From this day index the number shows `changedNetwork` (it ported out); Infinity: never. */
  changeDay: number[];
  changedNetwork: Network[];
  /** From this day the number is closed and gets no calls; Infinity: never. */
  stopDay: number[];
  weights: number[];
  cumulative: Float64Array;
  /** Contacts 0..externalCount−1 are outside the group, in falling weight; the rest are colleagues. */
  externalCount: number;
}

const MOBILE: readonly Network[] = ["CMCC", "CU", "CT"];

/**
 * A member's stable circle in week `weekIndex`: external contacts drawn from the member's own seed
 * (the same numbers every week, Zipf weights), then colleagues within reach along the group's line
 * (ties are mutual: both ends draw the tie's weight from the pair's seed). A colleague who ported
 * out shows their new network from that day; a closed one is called no more.
 */
export function contactCircle(ctx: GeneratorContext, member: Member, weekIndex: number): ContactCircle {
  const { seed } = ctx.options;
  const u = ctx.params.usage;
  const rng = new Random(subSeed(seed, "circle", member.serial));
  const externalCount = rng.int(u.circleExternalMin, u.circleExternalMax);
  const circle: ContactCircle = {
    numbers: [], baseNetwork: [], changeDay: [], changedNetwork: [], stopDay: [], weights: [],
    cumulative: new Float64Array(0), externalCount,
  };
  const add = (number: string, network: Network, weight: number) => {
    circle.numbers.push(number);
    circle.baseNetwork.push(network);
    circle.changeDay.push(Infinity);
    circle.changedNetwork.push(network);
    circle.stopDay.push(Infinity);
    circle.weights.push(weight);
  };
  for (let k = 0; k < externalCount; k++) {
    const network = networks[rng.weighted(u.contactNetworkWeights)];
    const ported = MOBILE.includes(network) && rng.chance(u.portedContactShare);
    const prefixNetwork = ported ? rng.pick(MOBILE.filter((n) => n !== network)) : network;
    add(numberPlan.of(network, rng, prefixNetwork), network, 1 / (k + 1) ** u.circleZipf);
  }

  const group = member.group;
  const reach = new Random(subSeed(seed, "reach", group.index)).int(u.colleagueReachMin, u.colleagueReachMax);
  const weekLast = weekIndex * 7 + 6;
  for (let offset = -reach; offset <= reach; offset++) {
    const colleague = group.members[member.position + offset];
    if (offset === 0 || !colleague || colleague.joinDay > weekLast) continue;
    const [lo, hi] = member.serial < colleague.serial ? [member.serial, colleague.serial] : [colleague.serial, member.serial];
    const rank = subSeed(seed, "tie", lo, hi) % externalCount;
    add(colleague.msisdn, "CMCC", 1 / (rank + 1) ** u.circleZipf);
    const i = circle.numbers.length - 1;
    const departure = colleague.departure;
    if (departure?.status === "ported_out" && departure.portedTo) {
      circle.changeDay[i] = departure.day;
      circle.changedNetwork[i] = departure.portedTo;
    } else if (departure?.status === "closed") {
      circle.stopDay[i] = departure.day;
    }
  }

  for (const effect of member.effects) {
    if (effect.type !== "moveContacts") continue;
    effect.ranks.forEach((rank, j) => {
      circle.changeDay[rank] = Math.min(circle.changeDay[rank], effect.fromDay);
      circle.changedNetwork[rank] = effect.networks[j];
    });
  }

  circle.cumulative = cumulativeWeights(circle.weights);
  return circle;
}
