import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Member } from "./populationModel.ts";

export interface Bill {
  msisdn: string;
  bill_month: string;
  total_fee: string;
  voice_fee: string;
  data_fee: string;
  sms_fee: string;
  other_fee: string;
}

const CENTS = 100;
const monthShareCache = new WeakMap<GeneratorContext, Map<string, number>>();

/**
 * A member's bill for one month, or null when they were not a member that month. The plan fee is
 * prorated over the days they were a member and split into voice, data, SMS and value-added parts;
 * voice overage follows their calling volume that month (holidays and scenarios included), data
 * overage their appetite. A plan downgrade scales the bill from its month on. A re-delivery may
 * correct a bill (a small refund), as BSS re-runs do. Amounts are computed in cents.
 */
export function memberBill(ctx: GeneratorContext, member: Member, month: string, redelivery: boolean): Bill | null {
  const { calendar, params, options } = ctx;
  const b = params.billing;
  const span = calendar.monthSpan(month);
  const first = Math.max(span.first, member.joinDay);
  const last = Math.min(span.last, member.departure ? member.departure.day - 1 : Infinity);
  if (last < first) return null;
  const prorate = (last - first + 1) / (span.last - span.first + 1);
  const rng = new Random(subSeed(options.seed, "bill", member.serial, month));
  const plan = member.planFee * CENTS;
  const usage = member.activity * usageLevel(ctx, member, first, last, month);
  const overage = Math.min(1, Math.max(0, usage - 1));
  const factor = member.billFactor && month >= member.billFactor.fromMonth ? member.billFactor.factor : 1;
  const cents = (x: number) => Math.round(x * prorate * factor);
  const voice = cents(plan * (b.planShares.voice + b.voiceOverageMax * overage));
  const data = cents(plan * (b.planShares.data + b.dataOverageMax * member.dataAppetite * rng.next()));
  const sms = cents(plan * b.planShares.sms);
  let other = cents(plan * b.planShares.other + member.valueAddedFee * CENTS);
  if (redelivery) {
    const fix = new Random(subSeed(options.seed, "bill-correction", member.serial, month));
    if (fix.chance(b.correctionShare)) other = Math.max(0, other - fix.int(1, b.correctionMaxCny) * CENTS);
  }
  const fee = (c: number) => (c / CENTS).toFixed(2);
  return {
    msisdn: member.msisdn, bill_month: month, total_fee: fee(voice + data + sms + other),
    voice_fee: fee(voice), data_fee: fee(data), sms_fee: fee(sms), other_fee: fee(other),
  };
}

/** Mean calling volume over the member's days in the month, relative to an ordinary week. */
function usageLevel(ctx: GeneratorContext, member: Member, first: number, last: number, month: string): number {
  const scaled = member.effects.some((e) => e.type === "scale");
  const span = ctx.calendar.monthSpan(month);
  if (!scaled && first === span.first && last === span.last) {
    let cache = monthShareCache.get(ctx);
    if (!cache) monthShareCache.set(ctx, (cache = new Map()));
    let level = cache.get(month);
    if (level === undefined) cache.set(month, (level = meanLevel(ctx, member, first, last)));
    return level;
  }
  return meanLevel(ctx, member, first, last);
}

function meanLevel(ctx: GeneratorContext, member: Member, first: number, last: number): number {
  let sum = 0;
  for (let day = first; day <= last; day++) {
    let calls = 1;
    for (const e of member.effects) {
      if (e.type === "scale" && e.fromDay <= day) calls *= (e.factors[0] + e.factors[1]) / 2;
    }
    sum += ctx.calendar.dayShare(day) * 7 * calls;
  }
  return sum / (last - first + 1);
}
