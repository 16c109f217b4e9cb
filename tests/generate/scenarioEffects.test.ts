import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { GenerateResult } from "../../pipelines/generate/generate.ts";
import { cleanup, generateRun, readGroundTruth, readTable, weekCdr, type GroundTruth, type Row } from "./generatedRun.ts";

/** The data shows what the ground truth says: each planted change is visible from its start week. */
describe("planted scenarios are in the data", () => {
  let run: GenerateResult;
  let truth: GroundTruth;
  const cdr = new Map<string, Row[]>();
  beforeAll(async () => {
    run = await generateRun("effects", { groups: 16, weeks: 8, cdrPerMember: 30, plantedShare: 1, seed: 3 });
    truth = readGroundTruth(run.out);
    for (const week of truth.weeks) cdr.set(week, weekCdr(run.out, week));
  });
  afterAll(() => cleanup(run.out));

  const scenario = (kind: string) => truth.scenarios.find((s) => s.kind === kind)!;
  const rowsOf = (msisdn: string, week: string, type?: string) => cdr.get(week)!.filter((r) => r.msisdn === msisdn && (!type || r.record_type === type));
  const before = (week: string) => truth.weeks[truth.weeks.indexOf(week) - 1];

  it("batch_forwarding: several members forward to competitor numbers every day from the start week", () => {
    const s = scenario("batch_forwarding");
    expect(s.members.length).toBeGreaterThanOrEqual(3);
    for (const m of s.members) {
      expect(rowsOf(m, before(s.start_week!), "CFW")).toHaveLength(0);
      const forwarded = rowsOf(m, s.start_week!, "CFW");
      expect(new Set(forwarded.map((r) => r.start_time.slice(0, 10))).size).toBe(7);
      expect(forwarded.every((r) => r.other_network === "CU" || r.other_network === "CT")).toBe(true);
    }
  });

  it("zero_outgoing: the member stops calling out but still receives calls", () => {
    const s = scenario("zero_outgoing");
    const [m] = s.members;
    expect(rowsOf(m, before(s.start_week!), "MOC").length).toBeGreaterThan(5);
    expect(rowsOf(m, s.start_week!, "MOC")).toHaveLength(0);
    expect(rowsOf(m, s.start_week!, "MTC").length).toBeGreaterThan(0);
  });

  it("retention_drop and defection: members port out with a status date in the week", () => {
    for (const kind of ["retention_drop", "defection"]) {
      const s = scenario(kind);
      const week = kind === "defection" ? truth.weeks[truth.weeks.indexOf(s.start_week!) + 2] : s.start_week!;
      const members = readTable(join(run.out, week, "members.csv")).rows.filter((m) => m.group_id === s.group_id);
      const ported = members.filter((m) => m.status === "ported_out");
      expect(ported.length, kind).toBeGreaterThanOrEqual(kind === "defection" ? 3 : 1);
      const departed = members.filter((m) => m.status !== "active" && s.members.includes(m.msisdn));
      expect(departed.length / members.length, kind).toBeGreaterThanOrEqual(0.2);
    }
  });

  it("handset changes show a new IMEI; the dual-mode handset comes with a fall in usage", () => {
    for (const kind of ["handset_change", "dual_phone:handset", "decoy:dual_sim_stable"]) {
      const s = scenario(kind);
      const [m] = s.members;
      const last = truth.weeks[truth.weeks.length - 1];
      const imeis = (week: string) => new Set(rowsOf(m, week).map((r) => r.imei).filter((i) => i !== ""));
      expect(imeis(before(s.start_week!)).size, kind).toBe(1);
      expect([...imeis(last)][0], kind).not.toBe([...imeis(before(s.start_week!))][0]);
      // Against the first week: the week before the start may be a holiday week.
      const ratio = rowsOf(m, last).length / rowsOf(m, truth.weeks[0]).length;
      if (kind === "dual_phone:handset") expect(ratio).toBeLessThan(0.6);
      else expect(ratio, kind).toBeGreaterThan(0.6);
    }
  });

  it("dual_phone:circle: the member's top contacts show a competitor network from the start week", () => {
    const s = scenario("dual_phone:circle");
    const [m] = s.members;
    const offNet = (week: string) => {
      const calls = rowsOf(m, week).filter((r) => r.record_type === "MOC" || r.record_type === "MTC");
      return calls.filter((r) => r.other_network === "CU" || r.other_network === "CT").length / calls.length;
    };
    expect(offNet(s.start_week!) - offNet(before(s.start_week!))).toBeGreaterThan(0.2);
  });

  it("arpu_drop: the members' bills fall at least 40% in the bill month after the start", () => {
    const s = scenario("arpu_drop");
    const months = s.bill_months as string[];
    expect(months.length).toBeGreaterThan(0);
    const bills = new Map<string, number>();
    for (const week of truth.weeks) {
      for (const b of readTable(join(run.out, week, "billing.csv")).rows) bills.set(`${b.msisdn}/${b.bill_month}`, Number(b.total_fee));
    }
    for (const m of s.members) {
      const prior = bills.get(`${m}/2026-09`)!;
      expect(bills.get(`${m}/${months[0]}`)! / prior).toBeLessThanOrEqual(0.6);
    }
  });
});
