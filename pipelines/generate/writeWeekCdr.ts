import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { numberPlan } from "./numberPlan.ts";
import { networks, type Network } from "./networks.ts";
import { contactCircle } from "./contactCircle.ts";
import { usageTables } from "./usageTables.ts";
import { cumulativeWeights } from "./cumulativeWeights.ts";
import { searchCumulative } from "./searchCumulative.ts";
import type { ChunkedFileWriter } from "./ChunkedFileWriter.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Effect, Member } from "./populationModel.ts";

/** Record types by the code the loop packs beside each start time (3 bits). */
const RECORD_TYPES = ["MOC", "MTC", "SMS_MO", "SMS_MT", "CFW"] as const;
const MOC = 0;
const MTC = 1;
const SMS_MO = 2;
const SMS_MT = 3;
const CFW = 4;
const TYPE_BITS = 3;

/**
 * Writes a week's CDRs, one writer per day (index 0 = Monday), member by member. Each member-week
 * draws from its own seed, so its records do not depend on who was generated before. Columns are
 * in the order of `cdrColumns`; fields never need quoting (digits and codes only).
 * Returns the rows written.
 */
export async function writeWeekCdr(ctx: GeneratorContext, weekIndex: number, writers: ChunkedFileWriter[]): Promise<number> {
  const days = Array.from({ length: 7 }, (_, d) => {
    const date = ctx.calendar.dateOf(weekIndex * 7 + d);
    return { day: weekIndex * 7 + d, datePrefix: `${date} `, idPrefix: date.replace(/-/g, "") };
  });
  const emit = memberWeekEmitter(ctx, weekIndex, days, writers);
  let rows = 0;
  for (const group of ctx.population.groups) {
    for (const member of group.members) {
      rows += emit(member);
      for (const writer of writers) if (writer.full) await writer.flush();
    }
  }
  return rows;
}

interface DayInfo {
  day: number;
  datePrefix: string;
  idPrefix: string;
}

/** The hot loop, with everything that is per week hoisted out of it. */
function memberWeekEmitter(ctx: GeneratorContext, weekIndex: number, days: DayInfo[], writers: ChunkedFileWriter[]) {
  const { calendar, params, options, population } = ctx;
  const u = params.usage;
  const { timeOfDay, durations, hourWork, hourRest, sequence } = usageTables(params);
  const delimiter = options.delimiter;
  const [mixMoc, mixMtc, mixSmsMo, mixSmsMt] = u.typeMix;
  const [workFrom, workTo] = u.workHours;
  // Fields with their delimiter attached, built once per week: fewer pieces to join per record.
  const field = (text: string | number) => `${text}${delimiter}`;
  const cellFields = population.cells.map(field);
  const timeFields = timeOfDay.map(field);
  const durationFields = Array.from(durations, field);
  const noDuration = field(0);
  const networkFields = Object.fromEntries(networks.map((n) => [n, field(n)])) as Record<Network, string>;
  const services = population.serviceNumbers;
  const networkCumulative = cumulativeWeights(u.contactNetworkWeights);
  const networkTotal = networkCumulative[networkCumulative.length - 1];
  const restDay = days.map((d) => calendar.isRestDay(d.day));
  const dayShare = days.map((d) => calendar.dayShare(d.day));
  const weekFirst = weekIndex * 7;
  const weekLast = weekFirst + 6;
  let packed = new Int32Array(1024);

  return function emit(member: Member): number {
    const departureDay = member.departure ? member.departure.day : Infinity;
    if (member.joinDay > weekLast || departureDay <= weekFirst) return 0;
    const rng = new Random(subSeed(options.seed, "cdr", member.serial, weekIndex));
    const circle = contactCircle(ctx, member, weekIndex);
    const contactCumulative = circle.cumulative;
    const contactTotal = contactCumulative[contactCumulative.length - 1];
    const joinWeekFactor = calendar.weekIndexOf(member.joinDay) === weekIndex ? u.joinerFirstWeekFactor : 1;
    const serial = String(member.serial).padStart(7, "0");
    const typeFields = RECORD_TYPES.map((t) => `${delimiter}${member.msisdn}${delimiter}${t}${delimiter}`);
    const officeCell = member.officeCell + delimiter;
    const homeCell = member.homeCell + delimiter;
    let rows = 0;

    for (let d = 0; d < 7; d++) {
      const { day, datePrefix, idPrefix } = days[d];
      if (day < member.joinDay || day >= departureDay) continue;
      let fMoc = 1, fMtc = 1, fSmsMo = 1, fSmsMt = 1;
      let forward: Extract<Effect, { type: "forward" }> | null = null;
      let affinity: Extract<Effect, { type: "affinity" }> | null = null;
      for (const e of member.effects) {
        if (e.fromDay > day) continue;
        if (e.type === "scale") {
          fMoc *= e.factors[0];
          fMtc *= e.factors[1];
          fSmsMo *= e.factors[2];
          fSmsMt *= e.factors[3];
        } else if (e.type === "forward") forward = e;
        else if (e.type === "affinity") affinity = e;
      }
      const wMoc = mixMoc * fMoc;
      const wSmsMo = mixSmsMo * fSmsMo;
      const wSmsMt = mixSmsMt * fSmsMt;
      // Forwarded calls are incoming calls the network diverted: they replace part of MTC.
      const wCfw = forward ? mixMtc * fMtc * forward.share : 0;
      const wMtc = mixMtc * fMtc - wCfw;
      const wAll = wMoc + wMtc + wSmsMo + wSmsMt + wCfw;
      if (wAll <= 0) continue;
      let n = rng.poisson(options.cdrPerMember * member.activity * dayShare[d] * joinWeekFactor * wAll);
      const minForwarded = forward ? forward.minPerDay : 0;
      if (packed.length < n + minForwarded) packed = new Int32Array(2 * (n + minForwarded));
      const t0 = wMoc / wAll;
      const t1 = t0 + wMtc / wAll;
      const t2 = t1 + wSmsMo / wAll;
      const t3 = t2 + wSmsMt / wAll;
      const hours = restDay[d] ? hourRest : hourWork;
      let forwarded = 0;
      for (let i = 0; i < n; i++) {
        const r = rng.next();
        const type = r < t0 ? MOC : r < t1 ? MTC : r < t2 ? SMS_MO : r < t3 ? SMS_MT : CFW;
        if (type === CFW) forwarded++;
        packed[i] = (hours[(rng.next() * hours.length) | 0] * 3600 + ((rng.next() * 3600) | 0)) << TYPE_BITS | type;
      }
      // "Every day from the start week on": a forwarding member's phone diverts at least a few calls daily.
      for (; forwarded < minForwarded; forwarded++) {
        packed[n++] = (hours[(rng.next() * hours.length) | 0] * 3600 + ((rng.next() * 3600) | 0)) << TYPE_BITS | CFW;
      }
      packed.subarray(0, n).sort();

      const handsetLine = `${handsetOn(member, day)}\n`;
      const workday = !restDay[d];
      const idPrefixMember = idPrefix + serial;
      let chunk = "";
      for (let i = 0; i < n; i++) {
        const type = packed[i] & 7;
        const second = packed[i] >> TYPE_BITS;
        let other: string;
        let network: Network;
        if (type === CFW) {
          other = forward!.target;
          network = forward!.network;
        } else if (affinity && (type === MOC || type === MTC) && rng.next() < (type === MOC ? affinity.mocShare : affinity.mtcShare)) {
          other = affinity.number;
          network = affinity.network;
        } else if (type === SMS_MT && rng.next() < u.serviceSmsShare) {
          other = services[(rng.next() * services.length) | 0];
          network = "UNKNOWN";
        } else if (rng.next() < u.oneOffShare) {
          network = networks[searchCumulative(networkCumulative, rng.next() * networkTotal)];
          other = numberPlan.of(network, rng);
        } else {
          let c = searchCumulative(contactCumulative, rng.next() * contactTotal);
          if (day >= circle.stopDay[c]) c = 0;
          other = circle.numbers[c];
          network = day >= circle.changeDay[c] ? circle.changedNetwork[c] : circle.baseNetwork[c];
        }
        const duration = type === MOC || type === MTC || type === CFW ? durationFields[(rng.next() * durationFields.length) | 0] : noDuration;
        const hour = (second / 3600) | 0;
        const cell = workday && hour >= workFrom && hour < workTo
          ? (rng.next() < u.officeCellShare ? officeCell : homeCell)
          : rng.next() < u.homeCellShare ? homeCell : cellFields[(rng.next() * cellFields.length) | 0];
        // The network diverts a forwarded call without the handset; an SMS may wait while it is off.
        const handset = type === CFW || (type === SMS_MT && rng.next() < u.smsMtNoImeiShare) ? "\n" : handsetLine;
        chunk += idPrefixMember + (i < sequence.length ? sequence[i] : String(i)) + typeFields[type] + other + delimiter
          + networkFields[network] + datePrefix + timeFields[second] + duration + cell + handset;
      }
      writers[d].writeAscii(chunk, n);
      rows += n;
    }
    return rows;
  };
}

/** IMEI of the handset in use on a day (spells are in day order). */
function handsetOn(member: Member, day: number): string {
  const spells = member.handsets;
  for (let i = spells.length - 1; i > 0; i--) if (spells[i].fromDay <= day) return spells[i].imei;
  return spells[0].imei;
}
