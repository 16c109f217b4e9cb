import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { imei } from "./imei.ts";
import { numberPlan } from "./numberPlan.ts";
import { pickTacModel } from "./pickTacModel.ts";
import { contractEndDate } from "./contractEndDate.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Group, Member, Role, Vip } from "./populationModel.ts";

const VIP_LEVELS: readonly Vip[] = ["none", "silver", "gold", "diamond"];

/**
 * One member line (appended to its group's line by the caller), drawn from its own seed (so adding members elsewhere never changes it):
 * VIP level and plan fee (VIPs sit higher up the fee ladder), calling volume, cells, handset.
 */
export function createMember(ctx: GeneratorContext, group: Group, serial: number, joinDay: number, role: Role): Member {
  const { params, population, calendar } = ctx;
  const p = params.population;
  const rng = new Random(subSeed(ctx.options.seed, "member", serial));
  const keyPerson = role !== "member";
  const vipIndex = rng.weighted(keyPerson ? p.vipWeightsKeyPerson : p.vipWeights);
  const feeIndex = Math.min(p.planFees.length - 1, rng.weighted(p.planFeeWeights) + vipIndex);
  // Log-normal with mean 1: the median sits exp(-σ²/2) below it.
  const activity = Math.min(p.activityMax, Math.max(p.activityMin, rng.logNormal(Math.exp(-(p.activitySigma ** 2) / 2), p.activitySigma)));
  const model = pickTacModel(population.tac, rng);
  const habitualForwarder = rng.chance(params.usage.habitualForwarderShare);
  const landline = numberPlan.of("FIXED", rng);
  return {
    serial,
    msisdn: numberPlan.member(serial),
    group,
    position: group.members.length,
    role,
    vip: VIP_LEVELS[vipIndex],
    planFee: p.planFees[feeIndex],
    planChange: null,
    joinDay,
    contractEnd: contractEndDate(rng, p.memberContractShare, calendar, params),
    activity,
    homeCell: rng.pick(population.cells),
    officeCell: rng.pick(group.officeCells),
    handsets: [{ fromDay: Math.min(joinDay, -rng.int(...p.initialHandsetAgeDays)), imei: imei(model.tac, rng.int(0, 999_999)), model }],
    departure: null,
    effects: habitualForwarder
      ? [{ type: "forward", fromDay: -Infinity, target: landline, network: "FIXED", share: params.usage.habitualForwardShare, minPerDay: 0 }]
      : [],
    billFactor: null,
    valueAddedFee: rng.pick(params.billing.valueAddedFees),
    dataAppetite: rng.next(),
    reserved: false,
    habitualForwarder,
  };
}
