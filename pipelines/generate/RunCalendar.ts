import { addWeeks, weekStart } from "../lib/isoWeek.ts";
import { holidays } from "./holidays.ts";
import type { GeneratorParams } from "./generatorDefaults.ts";

const DAY_MS = 86_400_000;

export interface HolidayWeek {
  week: string;
  name: string;
  /** Holiday days inside the week. */
  days: number;
  /** Expected fall of everyone's usage that week (share). */
  drop: number;
}

/**
 * The run's days as integers: day 0 is the Monday of the first week, day 7·w + d is weekday d
 * (0 = Monday) of week index w; days before the run are negative. Integers keep the hot loops
 * free of Date objects; dates are formatted once per day and cached.
 */
export class RunCalendar {
  readonly weeks: string[];
  private readonly epochMs: number;
  private readonly dateCache = new Map<number, string>();
  private readonly holidayFactorByWeek = new Map<number, number>();
  private readonly holidayDates = new Map<string, string>();
  private readonly monthSpans = new Map<string, { first: number; last: number }>();
  private readonly dayWeightSum: number;

  constructor(
    startWeek: string,
    weekCount: number,
    private readonly params: GeneratorParams,
  ) {
    this.weeks = Array.from({ length: weekCount }, (_, i) => addWeeks(startWeek, i));
    this.epochMs = Date.parse(`${weekStart(startWeek)}T00:00:00Z`);
    this.dayWeightSum = params.usage.dayWeights.reduce((a, b) => a + b, 0);
    for (const h of holidays) {
      for (let t = Date.parse(`${h.from}T00:00:00Z`); t <= Date.parse(`${h.to}T00:00:00Z`); t += DAY_MS) {
        this.holidayDates.set(new Date(t).toISOString().slice(0, 10), h.name);
      }
    }
  }

  get lastDay(): number {
    return this.weeks.length * 7 - 1;
  }

  /** 'YYYY-MM-DD' of a day index. */
  dateOf(day: number): string {
    let date = this.dateCache.get(day);
    if (date === undefined) {
      date = new Date(this.epochMs + day * DAY_MS).toISOString().slice(0, 10);
      this.dateCache.set(day, date);
    }
    return date;
  }

  dayOf(date: string): number {
    return Math.round((Date.parse(`${date}T00:00:00Z`) - this.epochMs) / DAY_MS);
  }

  /** 0 = Monday … 6 = Sunday (negative days too). */
  weekday(day: number): number {
    return ((day % 7) + 7) % 7;
  }

  weekIndexOf(day: number): number {
    return Math.floor(day / 7);
  }

  /** 'YYYY-MM' of a day index. */
  monthOf(day: number): string {
    return this.dateOf(day).slice(0, 7);
  }

  /** First and last day index of a month 'YYYY-MM'. */
  monthSpan(month: string): { first: number; last: number } {
    let span = this.monthSpans.get(month);
    if (!span) {
      span = { first: this.dayOf(`${month}-01`), last: this.dayOf(`${this.addMonths(month, 1)}-01`) - 1 };
      this.monthSpans.set(month, span);
    }
    return span;
  }

  addMonths(month: string, n: number): string {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  }

  holidayName(day: number): string | undefined {
    return this.holidayDates.get(this.dateOf(day));
  }

  /** Weekends and public holidays follow the rest-day hour profile. */
  isRestDay(day: number): boolean {
    return this.weekday(day) >= 5 || this.holidayName(day) !== undefined;
  }

  /**
   * A day's share of an ordinary week's volume: the weekday rhythm, times the holiday factor.
   * A week holding fullEffectDays or more holiday days falls by weekDrop overall (fewer days, pro
   * rata); the fall is carried by its holiday days.
   */
  dayShare(day: number): number {
    const base = this.params.usage.dayWeights[this.weekday(day)] / this.dayWeightSum;
    return this.holidayName(day) === undefined ? base : base * this.holidayFactor(this.weekIndexOf(day));
  }

  private holidayFactor(weekIndex: number): number {
    let factor = this.holidayFactorByWeek.get(weekIndex);
    if (factor === undefined) {
      const { drop, weight } = this.holidayWeekDrop(weekIndex);
      factor = weight === 0 ? 1 : Math.max(this.params.holidays.minDayFactor, 1 - drop / weight);
      this.holidayFactorByWeek.set(weekIndex, factor);
    }
    return factor;
  }

  private holidayWeekDrop(weekIndex: number): { days: number; weight: number; drop: number; name?: string } {
    const h = this.params.holidays;
    let days = 0;
    let weight = 0;
    let name: string | undefined;
    for (let d = 0; d < 7; d++) {
      const dayName = this.holidayName(weekIndex * 7 + d);
      if (dayName === undefined) continue;
      days++;
      name = dayName;
      weight += this.params.usage.dayWeights[d] / this.dayWeightSum;
    }
    return { days, weight, name, drop: h.weekDrop * Math.min(1, days / h.fullEffectDays) };
  }

  /** The run's weeks that hold holiday days, with their expected fall. */
  holidayWeeks(): HolidayWeek[] {
    const out: HolidayWeek[] = [];
    this.weeks.forEach((week, w) => {
      const { days, weight, name } = this.holidayWeekDrop(w);
      if (name === undefined) return;
      const drop = weight * (1 - this.holidayFactor(w));
      out.push({ week, name, days, drop: Math.round(drop * 1000) / 1000 });
    });
    return out;
  }

  /**
   * Bill months a week's bundle carries: the latest month closed by the week's Sunday; in the
   * first week of a month also the month before it again (a re-delivery that may correct a bill);
   * the first bundle carries initialMonths months so that bill baselines exist from the start.
   */
  billMonths(weekIndex: number): Array<{ month: string; redelivery: boolean }> {
    const sunday = weekIndex * 7 + 6;
    const latest = this.addMonths(this.monthOf(sunday), -1);
    if (weekIndex === 0) {
      return Array.from({ length: this.params.billing.initialMonths }, (_, i) => ({
        month: this.addMonths(latest, i + 1 - this.params.billing.initialMonths),
        redelivery: false,
      }));
    }
    const firstWeekOfMonth = Number(this.dateOf(sunday).slice(8, 10)) <= 7;
    return firstWeekOfMonth
      ? [{ month: this.addMonths(latest, -1), redelivery: true }, { month: latest, redelivery: false }]
      : [{ month: latest, redelivery: false }];
  }

  /** The first week index whose bundle delivers a bill month, or null when that is after the run. */
  deliveryWeekOf(month: string): number | null {
    for (let w = 0; w < this.weeks.length; w++) {
      if (this.billMonths(w).some((b) => b.month === month && !b.redelivery)) return w;
    }
    return null;
  }

  /** Deterministic stamp: the Monday after the week, early morning (never the wall clock). */
  generatedAt(weekIndex: number): string {
    return `${this.dateOf(weekIndex * 7 + 7)}T${this.params.generatedAtTime}`;
  }
}
