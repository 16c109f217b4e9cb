import { signalsConfig } from "../config/signalsConfig.ts";
import { PopulationEditor } from "./PopulationEditor.ts";
import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import type { TacModel } from "./buildTacCatalog.ts";
import type { RunCalendar } from "./RunCalendar.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Competitor, Group, Member } from "./populationModel.ts";

/** Week indexes without a holiday, per run: scenarios start in ordinary weeks when they can. */
const calmWeeksCache = new WeakMap<RunCalendar, Set<number>>();

/** The signals' default thresholds: who counts as mid/high-end, how early an expiry is warned. */
const signalDefaults = signalsConfig.parse({});

/**
 * What planting one scenario in one group needs: its free members, a start week that leaves
 * baselines before it, the competitor winning this group, and the editor's changes.
 */
export class Planter extends PopulationEditor {
  private readonly calmWeeks: Set<number>;

  constructor(
    ctx: GeneratorContext,
    rng: Random,
    readonly group: Group,
  ) {
    super(ctx, rng);
    let calm = calmWeeksCache.get(ctx.calendar);
    if (!calm) {
      const holidayWeeks = new Set(ctx.calendar.holidayWeeks().map((h) => h.week));
      calm = new Set(ctx.calendar.weeks.flatMap((w, i) => (holidayWeeks.has(w) ? [] : [i])));
      calmWeeksCache.set(ctx.calendar, calm);
    }
    this.calmWeeks = calm;
  }

  get weekCount(): number {
    return this.ctx.calendar.weeks.length;
  }

  week(index: number): string {
    return this.ctx.calendar.weeks[index];
  }

  /** Day index of weekday `weekday` (0 = Monday) of week `weekIndex`. */
  day(weekIndex: number, weekday = 0): number {
    return weekIndex * 7 + weekday;
  }

  /** Members there from before the run, still active, not taken by another scenario, no forwarding habit. */
  free(): Member[] {
    return this.group.members.filter((m) => m.joinDay < 0 && !m.departure && !m.reserved && !m.habitualForwarder);
  }

  /** Members of the group active at the start of the run. */
  activeCount(): number {
    return this.group.members.filter((m) => m.joinDay < 0 && !m.departure).length;
  }

  keyPersons(): Member[] {
    return this.free().filter((m) => m.role !== "member");
  }

  isMidHigh(member: Member): boolean {
    return member.vip !== "none" || member.planFee >= signalDefaults.midHighPlanFeeCny;
  }

  /**
   * Up to `count` free members: those matching `prefer` first, then those calling enough to be
   * judged (activity ≥ minActivity), in random order within each rank.
   */
  pick(count: number, options: { prefer?: (m: Member) => boolean; exclude?: readonly Member[] } = {}): Member[] {
    const { prefer, exclude = [] } = options;
    const minActivity = this.ctx.params.scenarios.minActivity;
    const rank = (m: Member) => (prefer && !prefer(m) ? 2 : 0) + (m.activity >= minActivity ? 0 : 1);
    const pool = this.rng.sample(this.free().filter((m) => !exclude.includes(m)), Infinity);
    return pool.sort((a, b) => rank(a) - rank(b)).slice(0, count);
  }

  /**
   * A start week ≥ `min` leaving `after` weeks behind it when the run allows (else the latest that
   * fits: later phases fall outside the run), avoiding holiday weeks when it can; null when the run
   * is too short for any.
   */
  start(options: { min?: number; after?: number } = {}): number | null {
    const min = options.min ?? this.ctx.params.scenarios.minStartWeek;
    if (min > this.weekCount - 1) return null;
    const hi = Math.max(min, this.weekCount - 1 - (options.after ?? 0));
    const weeks = Array.from({ length: hi - min + 1 }, (_, i) => min + i);
    const calm = weeks.filter((w) => this.calmWeeks.has(w));
    return this.rng.pick(calm.length > 0 ? calm : weeks);
  }

  /**
   * A start week for a bill scenario: bills are monthly, so prefer a week whose month closes (and
   * is delivered) inside the run; `firesFrom` is that delivery week, null when none fits.
   */
  billStart(): { start: number; firesFrom: number | null } | null {
    const calendar = this.ctx.calendar;
    const min = this.ctx.params.scenarios.minStartWeek;
    const seen = Array.from({ length: Math.max(0, this.weekCount - min) }, (_, i) => min + i)
      .filter((w) => calendar.deliveryWeekOf(calendar.monthOf(this.day(w))) !== null);
    const calm = seen.filter((w) => this.calmWeeks.has(w));
    const start = seen.length > 0 ? this.rng.pick(calm.length > 0 ? calm : seen) : this.start();
    if (start === null) return null;
    return { start, firesFrom: calendar.deliveryWeekOf(calendar.monthOf(this.day(start))) };
  }

  /** The bill months a downgrade from `start` changes that the run delivers. */
  billMonthsFrom(start: number): string[] {
    const calendar = this.ctx.calendar;
    const first = calendar.monthOf(this.day(start));
    const months = new Set(calendar.weeks.flatMap((_, w) => calendar.billMonths(w).map((b) => b.month)));
    return [...months].filter((m) => m >= first).sort();
  }

  /** The competitor winning this group (the same for every scenario in it). */
  competitor(): Competitor {
    const rng = new Random(subSeed(this.ctx.options.seed, "competitor", this.group.index));
    return rng.chance(this.ctx.params.background.portToCtShare) ? "CT" : "CU";
  }

  /** Handsets that can hold the competitor's SIM beside ours: dual-SIM, and CDMA2000 for China Telecom. */
  dualMode(network: Competitor): (m: TacModel) => boolean {
    return (m) => m.simSlots === 2 && (network !== "CT" || m.cdma2000);
  }

  /** First week whose end is within the contract-expiry notice window of `endDay`. */
  expiryNoticeWeek(endDay: number): number {
    return Math.max(0, Math.ceil((endDay - signalDefaults.contractExpiry.noticeDays - 6) / 7));
  }
}
