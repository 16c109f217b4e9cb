import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { SIGNAL_CODES } from "../../pipelines/config/scoringConfig.ts";
import { scenarioKinds } from "../../pipelines/generate/scenarioKinds.ts";
import { decoyKinds } from "../../pipelines/generate/decoyKinds.ts";
import type { GenerateResult } from "../../pipelines/generate/generate.ts";
import { cleanup, generateRun, listFiles, readGroundTruth, readTable, type GroundTruth } from "./generatedRun.ts";

const ALL_KINDS = [...scenarioKinds, ...decoyKinds].map((k) => k.kind).concat("decoy:holiday");

describe("ground truth", () => {
  let small: GenerateResult;
  let wide: GenerateResult;
  beforeAll(async () => {
    small = await generateRun("truth-small", { groups: 12, weeks: 6, cdrPerMember: 5, plantedShare: 1, seed: 5 });
    wide = await generateRun("truth-wide", { groups: scenarioKinds.length + 4, weeks: 8, cdrPerMember: 5, plantedShare: 1, seed: 6 });
  });
  afterAll(() => [small, wide].forEach((r) => cleanup(r.out)));

  it("sits beside the bundles, never inside one", () => {
    expect(existsSync(join(small.out, "ground_truth.json"))).toBe(true);
    for (const bundle of small.weeks) expect(listFiles(bundle.dir).some((f) => f.includes("ground_truth"))).toBe(false);
  });

  it("holds every kind even in a 12-group, 6-week run", () => {
    const truth = readGroundTruth(small.out);
    expect(new Set(truth.scenarios.map((s) => s.kind))).toEqual(new Set(ALL_KINDS));
    expect(truth.weeks).toEqual(small.weeks.map((w) => w.week));
    expect(truth.holiday_weeks).toEqual(["2026-W40", "2026-W41"]);
  });

  it("gives each planted group one kind when there are enough groups", () => {
    const planted = readGroundTruth(wide.out).scenarios.filter((s) => !s.decoy);
    expect(new Set(planted.map((s) => s.kind))).toEqual(new Set(scenarioKinds.map((k) => k.kind)));
    expect(new Set(planted.map((s) => s.group_id)).size).toBe(planted.length);
  });

  it("starts scenarios after the baseline weeks and names real members of their group", () => {
    for (const run of [small, wide]) {
      const truth: GroundTruth = readGroundTruth(run.out);
      const last = run.weeks[run.weeks.length - 1];
      const groupOf = new Map(readTable(join(last.dir, "members.csv")).rows.map((m) => [m.msisdn, m.group_id]));
      for (const s of truth.scenarios) {
        expect(SIGNAL_CODES).toContain(s.signal);
        for (const code of s.quiet) expect(SIGNAL_CODES).toContain(code);
        expect(s.quiet).not.toContain(s.decoy ? "" : s.signal);
        if (s.start_week && !s.decoy) expect(truth.weeks.indexOf(s.start_week)).toBeGreaterThanOrEqual(3);
        for (const m of s.members) expect(groupOf.get(m), `${s.id} ${m}`).toBe(s.group_id);
        expect(s.model === null).toBe(!s.kind.includes("dual_phone:") && s.kind !== "decoy:onnet_forwarding" && s.kind !== "decoy:dual_sim_stable");
      }
    }
  });

  it("never lets another group's agreement end near the run", () => {
    const truth = readGroundTruth(wide.out);
    const expiring = new Set(truth.scenarios.filter((s) => s.kind === "contract_expiry").map((s) => s.group_id));
    const last = wide.weeks[wide.weeks.length - 1];
    for (const g of readTable(join(last.dir, "groups.csv")).rows) {
      if (!expiring.has(g.group_id) && g.contract_end) expect(g.contract_end > "2027-02-01").toBe(true);
    }
  });
});
