import { imei } from "./imei.ts";
import { numberPlan } from "./numberPlan.ts";
import { createMember } from "./createMember.ts";
import { pickTacModel } from "./pickTacModel.ts";
import type { Random } from "./Random.ts";
import type { Network } from "./networks.ts";
import type { TacModel } from "./buildTacCatalog.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Competitor, Departure, Effect, Group, Member } from "./populationModel.ts";

/**
 * The changes scenarios and background churn make to members, in one place so both tell the
 * same story the same way (a departure ends CDRs and shows in members.csv; a new handset is a new
 * IMEI of a drawn model; a downgrade shows in members.csv and the bills).
 */
export class PopulationEditor {
  constructor(
    readonly ctx: GeneratorContext,
    readonly rng: Random,
  ) {}

  /** The member leaves (or is suspended) on `day`; a port-out takes the number to a competitor. */
  depart(member: Member, day: number, status: Departure, portedTo: Competitor | null = null): void {
    member.departure = { day, status, portedTo: status === "ported_out" ? portedTo : null };
  }

  /** A new handset from `day` on; its model drawn by popularity among those passing `filter`. */
  newHandset(member: Member, day: number, filter?: (m: TacModel) => boolean): TacModel {
    const model = pickTacModel(this.ctx.population.tac, this.rng, filter);
    const previous = member.handsets[member.handsets.length - 1];
    let spell: string;
    do spell = imei(model.tac, this.rng.int(0, 999_999));
    while (spell === previous.imei);
    member.handsets.push({ fromDay: day, imei: spell, model });
    return model;
  }

  /** A new member of `group` from `day` (appended to the group's line). */
  join(group: Group, day: number): Member {
    const population = this.ctx.population;
    const member = createMember(this.ctx, group, population.members.length, day, "member");
    group.members.push(member);
    population.members.push(member);
    return member;
  }

  effect(member: Member, effect: Effect): void {
    member.effects.push(effect);
  }

  /** Calls to the member forwarded (a share of incoming calls, at least minPerDay) to `target` from `day`. */
  forward(member: Member, day: number, target: string, network: Network): void {
    const s = this.ctx.params.scenarios;
    this.effect(member, { type: "forward", fromDay: day, target, network, share: s.forwardShare, minPerDay: s.forwardMinPerDay });
  }

  /** Record-type volumes (MOC, MTC, SMS_MO, SMS_MT) multiplied from `day`. */
  scale(member: Member, day: number, factors: readonly [number, number, number, number]): void {
    this.effect(member, { type: "scale", fromDay: day, factors });
  }

  /**
   * A plan downgrade: members.csv shows the cheaper fee from `weekIndex`, and bills from the month
   * holding that week's Monday are scaled by `factor` (the new plan backdated to its bill cycle).
   */
  downgrade(member: Member, weekIndex: number, factor: number): void {
    const fees = this.ctx.params.population.planFees;
    const target = member.planFee * factor;
    const fee = [...fees].reverse().find((f) => f <= target) ?? fees[0];
    member.planChange = { fromWeek: weekIndex, fee };
    member.billFactor = { fromMonth: this.ctx.calendar.monthOf(weekIndex * 7), factor };
  }

  /** A number on a competitor's network that no member holds (a second line, a forwarding target). */
  competitorNumber(network: Competitor): string {
    return numberPlan.of(network, this.rng);
  }
}
