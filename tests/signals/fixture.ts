import type { DuckDBConnection } from "@duckdb/node-api";
import { addDays, addWeeks, weekStart } from "../../pipelines/lib/isoWeek.ts";

/**
 * A tiny hand-made world for signal tests, read as given/expect: groups and members with an
 * ordinary week of usage by default, and per-week changes ("from W45 this member forwards to a CT
 * number"). `load` writes it into the raw_* tables as if every week's bundle had been ingested.
 * Numbers are in fixture ranges (139… members, 136…/137… outside CMCC, 189… CT, 186… CU).
 */

export type Role = "member" | "contact" | "decision_maker" | "dept_head" | "influencer";
export type Status = "active" | "suspended" | "closed" | "ported_out" | "left_group";
export type Network = "CMCC" | "CU" | "CT" | "FIXED" | "INTL" | "UNKNOWN";

export interface Forward {
  to: string;
  network: Network;
  calls: number;
  days: number;
}

/** One member's usage in one week. */
export interface WeekPlan {
  callsOut: number;
  callsIn: number;
  minutesPerCall: number;
  sms: number;
  /** Days (from Monday) the calls are spread over. */
  days: number;
  /** Numbers called, round robin; default: three colleagues and three outside CMCC numbers. */
  contacts: string[] | null;
  forwards: Forward[];
  /** Handset of the week; switchDay moves to `nextImei` from that day (0 = Monday). */
  imei: string | null;
  nextImei?: string;
  switchDay?: number;
}

export interface MemberSpec {
  role?: Role;
  vip?: "none" | "silver" | "gold" | "diamond";
  planFee?: number;
  contractEnd?: string | null;
  /** Week the member joins (listed from then, join date that Wednesday); default before the first week. */
  joinWeek?: string;
}

export interface GroupSpec {
  groupClass?: "A" | "B" | "C";
  contractEnd?: string | null;
}

interface Member {
  msisdn: string;
  groupId: string;
  spec: MemberSpec;
  plans: Map<string, Partial<WeekPlan>>;
  statusChanges: Array<{ week: string; status: Status }>;
  roleChanges: Array<{ week: string; role: Role }>;
  /** First week the snapshot no longer lists the member, though no departure was reported. */
  unlistedFrom?: string;
}

/** Handset models of the fixture's tac table. */
export const HANDSETS = {
  single: "35000001",
  dualSim: "35000002",
  cdma: "86000003",
} as const;

export const imeiOf = (tac: string, serial: number) => `${tac}${String(serial).padStart(7, "0")}`;

const DEFAULT_PLAN: WeekPlan = {
  callsOut: 20, callsIn: 15, minutesPerCall: 3, sms: 2, days: 5, contacts: null, forwards: [], imei: null,
};

const LEAVING: readonly Status[] = ["closed", "ported_out", "left_group"];

export class Fixture {
  readonly weeks: string[];
  private readonly groups = new Map<string, GroupSpec>();
  private readonly members: Member[] = [];
  private readonly ports: Array<{ number: string; week: string; network: Network }> = [];
  private readonly bills = new Map<string, number>();
  private readonly corrections: Array<{ msisdn: string; month: string; feeCny: number; week: string }> = [];
  private serial = 0;

  constructor(firstWeek: string, count: number) {
    this.weeks = Array.from({ length: count }, (_, i) => addWeeks(firstWeek, i));
  }

  /** A new week at the end (e.g. to check that loading it changes nothing before it). */
  addWeek(): string {
    const week = addWeeks(this.weeks[this.weeks.length - 1], 1);
    this.weeks.push(week);
    return week;
  }

  group(id: string, spec: GroupSpec = {}): this {
    this.groups.set(id, spec);
    return this;
  }

  /** Adds a member to a group (the group is created if new); returns its msisdn. */
  member(groupId: string, spec: MemberSpec = {}): string {
    if (!this.groups.has(groupId)) this.groups.set(groupId, {});
    this.serial += 1;
    const msisdn = `139${String(this.serial).padStart(8, "0")}`;
    this.members.push({ msisdn, groupId, spec, plans: new Map(), statusChanges: [], roleChanges: [] });
    return msisdn;
  }

  /** `n` ordinary members of a group; returns their msisdns. */
  crowd(groupId: string, n: number, spec: MemberSpec = {}): string[] {
    return Array.from({ length: n }, () => this.member(groupId, spec));
  }

  /** Changes a member's usage in weeks `from`..`to` (default: to the last week). */
  usage(msisdn: string, from: string, patch: Partial<WeekPlan>, to?: string): this {
    const m = this.find(msisdn);
    for (const week of this.weeks) {
      if (week >= from && (to === undefined || week <= to)) m.plans.set(week, { ...m.plans.get(week), ...patch });
    }
    return this;
  }

  /** The member's status from `week` on (status date that Wednesday); leavers are listed that week only. */
  status(msisdn: string, week: string, status: Status): this {
    this.find(msisdn).statusChanges.push({ week, status });
    return this;
  }

  /** The member's role from `week` on (the snapshot lists it so). */
  role(msisdn: string, week: string, role: Role): this {
    this.find(msisdn).roleChanges.push({ week, role });
    return this;
  }

  /** The member is missing from the snapshots from `week` on, with no departure status (left unreported). */
  unlist(msisdn: string, week: string): this {
    this.find(msisdn).unlistedFrom = week;
    return this;
  }

  /** A number shows `network` in records from `week` on; a member's number is also ported out then. */
  port(number: string, week: string, network: Network): this {
    this.ports.push({ number, week, network });
    if (this.members.some((m) => m.msisdn === number)) this.status(number, week, "ported_out");
    return this;
  }

  /** The member's bill for a month (default: the plan fee). */
  bill(msisdn: string, month: string, feeCny: number): this {
    this.bills.set(`${msisdn}|${month}`, feeCny);
    return this;
  }

  /** Delivers the member's bill for `month` again in `week`'s bundle, corrected to `feeCny`. */
  correctBill(msisdn: string, month: string, feeCny: number, week: string): this {
    this.corrections.push({ msisdn, month, feeCny, week });
    return this;
  }

  /** An outside number of `network` (CMCC by default), unique in the world. */
  outsideNumber(network: Network = "CMCC"): string {
    this.serial += 1;
    const prefix = network === "CT" ? "189" : network === "CU" ? "186" : "136";
    return `${prefix}${String(this.serial).padStart(8, "0")}`;
  }

  colleagues(msisdn: string): string[] {
    const m = this.find(msisdn);
    return this.members.filter((o) => o.groupId === m.groupId && o.msisdn !== msisdn).map((o) => o.msisdn);
  }

  /** Writes the weeks (all, or those up to `lastWeek`) into the raw tables. */
  async load(conn: DuckDBConnection, lastWeek?: string): Promise<void> {
    const weeks = this.weeks.filter((w) => lastWeek === undefined || w <= lastWeek);
    const tables: Record<string, Array<Record<string, string | number | null>>> = {
      raw_bundles: [], raw_groups: [], raw_managers: [], raw_members: [], raw_cdr: [], raw_billing: [], raw_tac: [],
    };
    for (const week of weeks) {
      const monday = weekStart(week);
      tables.raw_bundles.push({
        week, checksum: `fixture-${week}`, manifest_sha256: "fixture",
        file_bytes: "{}", generated_at: null, loaded_at: "2026-01-01 00:00:00", rows_by_table: "{}",
      });
      tables.raw_managers.push({ week, manager_id: "M01", manager_name: "经理", branch: "西湖", phone: null, email: null });
      for (const [tac, sims, networks] of [[HANDSETS.single, 1, "GSM|LTE"], [HANDSETS.dualSim, 2, "GSM|WCDMA|LTE|NR"], [HANDSETS.cdma, 2, "GSM|CDMA2000|LTE"]] as const) {
        tables.raw_tac.push({ week, tac, brand: "牌", model: tac, sim_slots: sims, networks, launched: 2023 });
      }
      for (const [id, spec] of this.groups) {
        tables.raw_groups.push({
          week, group_id: id, group_name: `集团${id}`, group_class: spec.groupClass ?? "C", industry: "制造", org_type: "企业",
          employee_count: 50, annual_revenue_10k_cny: 100, address: null, phone: null, branch: "西湖", manager_id: "M01",
          contract_end: spec.contractEnd ?? null,
        });
      }
      for (const m of this.members) {
        const listing = this.listing(m, week);
        if (!listing) continue;
        tables.raw_members.push({
          week, msisdn: m.msisdn, group_id: m.groupId, vip_level: m.spec.vip ?? "none",
          role: m.roleChanges.filter((c) => c.week <= week).at(-1)?.role ?? m.spec.role ?? "member",
          join_date: listing.joinDate, status: listing.status, status_date: listing.statusDate,
          plan_fee_cny: m.spec.planFee ?? 58, contract_end: m.spec.contractEnd ?? null,
        });
        for (const month of this.billMonths(week, week === weeks[0])) {
          tables.raw_billing.push({
            week, msisdn: m.msisdn, bill_month: month, total_fee_cny: this.bills.get(`${m.msisdn}|${month}`) ?? m.spec.planFee ?? 58,
            voice_fee_cny: null, data_fee_cny: null, sms_fee_cny: null, other_fee_cny: null,
          });
        }
        for (const c of this.corrections.filter((c) => c.msisdn === m.msisdn && c.week === week)) {
          tables.raw_billing.push({
            week, msisdn: m.msisdn, bill_month: c.month, total_fee_cny: c.feeCny,
            voice_fee_cny: null, data_fee_cny: null, sms_fee_cny: null, other_fee_cny: null,
          });
        }
        if (listing.status !== "active") continue;
        const plan = { ...DEFAULT_PLAN, ...m.plans.get(week) };
        // outside contacts follow from the member's number, so loading twice gives the same world
        const outside = [1, 2, 3].map((k) => `137${m.msisdn.slice(4)}${k}`);
        const contacts = plan.contacts ?? [...this.colleagues(m.msisdn).slice(0, 3), ...outside];
        // a member joining mid-week uses the phone only from its join date
        const firstDay = listing.joinedThisWeek ? 2 : 0;
        this.records(tables.raw_cdr, week, monday, m.msisdn, plan, contacts, firstDay);
      }
    }
    for (const [table, rows] of Object.entries(tables)) await insertRows(conn, table, rows);
  }

  private find(msisdn: string): Member {
    const m = this.members.find((o) => o.msisdn === msisdn);
    if (!m) throw new Error(`fixture: no member ${msisdn}`);
    return m;
  }

  private listing(m: Member, week: string) {
    const joinWeek = m.spec.joinWeek;
    if (joinWeek && week < joinWeek) return null;
    if (m.unlistedFrom !== undefined && week >= m.unlistedFrom) return null;
    const change = m.statusChanges.filter((c) => c.week <= week).at(-1);
    if (change && LEAVING.includes(change.status) && change.week < week) return null;
    const joinDate = joinWeek ? addDays(weekStart(joinWeek), 2) : "2020-01-06";
    return {
      joinDate,
      joinedThisWeek: joinWeek === week,
      status: change?.status ?? "active",
      statusDate: change ? addDays(weekStart(change.week), 2) : joinDate,
    };
  }

  /** Latest closed month before the week's Monday; the first bundle brings the four before too. */
  private billMonths(week: string, first: boolean): string[] {
    const monday = weekStart(week);
    const months: string[] = [];
    let [y, mo] = [Number(monday.slice(0, 4)), Number(monday.slice(5, 7))];
    for (let i = 0; i < (first ? 5 : 1); i++) {
      mo -= 1;
      if (mo === 0) [y, mo] = [y - 1, 12];
      months.push(`${y}-${String(mo).padStart(2, "0")}`);
    }
    return months;
  }

  private networkOf(number: string, week: string): Network {
    const port = this.ports.filter((p) => p.number === number && p.week <= week).at(-1);
    if (port) return port.network;
    if (number.startsWith("189")) return "CT";
    if (number.startsWith("186")) return "CU";
    return "CMCC";
  }

  private records(
    into: Array<Record<string, string | number | null>>, week: string, monday: string, msisdn: string,
    plan: WeekPlan, contacts: string[], firstDay: number,
  ): void {
    const days = Math.max(1, plan.days - firstDay);
    const imeiOn = (day: number) => (plan.nextImei !== undefined && day >= (plan.switchDay ?? 7) ? plan.nextImei : plan.imei);
    const push = (type: string, i: number, other: string, network: Network, seconds: number, day: number) => {
      into.push({
        week, record_id: `${msisdn}-${type}-${i}`, msisdn, record_type: type, other_party: other, other_network: network,
        start_time: `${addDays(monday, day)} ${String(8 + Math.floor(i / 60) % 12).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00`,
        duration_s: seconds, cell_id: "C1", imei: imeiOn(day),
      });
    };
    const call = (type: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const other = contacts[i % contacts.length];
        const day = firstDay + (i % days);
        push(type, i, other, this.networkOf(other, week), plan.minutesPerCall * 60, day);
      }
    };
    call("MOC", plan.callsOut);
    call("MTC", plan.callsIn);
    for (let i = 0; i < plan.sms; i++) push("SMS_MO", i, contacts[0], this.networkOf(contacts[0], week), 0, firstDay);
    plan.forwards.forEach((f, n) => {
      for (let i = 0; i < f.calls; i++) push("CFW", n * 1000 + i, f.to, f.network, 60, i % f.days);
    });
  }
}

/** Appends rows through a text-typed copy of the table, so DuckDB casts each value to the column type. */
async function insertRows(conn: DuckDBConnection, table: string, rows: Array<Record<string, string | number | null>>): Promise<void> {
  if (rows.length === 0) return;
  const described = await conn.runAndReadAll(`select column_name from (describe ${table})`);
  const columns = described.getRows().map((r) => String(r[0]));
  await conn.run(`create or replace temp table fixture_rows (${columns.map((c) => `${c} varchar`).join(", ")})`);
  const appender = await conn.createAppender("fixture_rows");
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.closeSync();
  await conn.run(`insert into ${table} by name select * from fixture_rows`);
}
