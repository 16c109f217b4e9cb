import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { addWeeks } from "../../pipelines/lib/isoWeek.ts";
import { readScored, testConfig, type Scored } from "../signals/scoreFixture.ts";

interface Scenario {
  kind: string; signal: string; model: string | null; group_id: string | null; members: string[];
  start_week: string | null; fires_from: string | null; decoy: boolean; quiet: string[];
  phases?: Array<{ week: string; signals: string[]; members: string[] }>;
}
interface Truth { weeks: string[]; holiday_weeks: string[]; scenarios: Scenario[] }

// Signals fired by members (the scenario's own members must be among them).
const MEMBER_LEVEL = new Set(["zero_outgoing", "dual_phone", "arpu_drop", "mou_drop", "handset_change", "arrears", "retention_drop", "batch_forwarding"]);
// A clear case of these is at least a call: severity 2 or more.
const CLEAR = new Set(["batch_forwarding", "retention_drop", "zero_outgoing", "arrears"]);

describe("end to end on generated bundles", () => {
  const out = mkdtempSync(join(tmpdir(), "churnwatch-e2e-"));
  const loaded = testConfig();
  let truth: Truth;
  let r: Scored;
  beforeAll(async () => {
    await generate({ out, groups: 60, weeks: 8, seed: 1 });
    truth = JSON.parse(readFileSync(join(out, "ground_truth.json"), "utf8")) as Truth;
    r = await withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
      await ingestPath(conn, join(out), loaded.config, { tempDir: join(out, ".tmp") });
      return readScored(conn, await scoreWeeks(conn, truth.weeks, loaded));
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const planted = () => truth.scenarios.filter((s) => !s.decoy && s.fires_from !== null);

  it("fires every planted scenario's code on its group when expected, with a sensible severity", () => {
    expect(planted().length).toBeGreaterThan(10);
    for (const s of planted()) {
      const onTime = [s.fires_from!, addWeeks(s.fires_from!, 1)];
      const rows = r.groupSignals.filter((g) => g.group_id === s.group_id && g.signal === s.signal && onTime.includes(g.week));
      expect(rows.length, `${s.kind} in ${s.group_id} from ${s.fires_from}`).toBeGreaterThan(0);
      expect(Math.max(...rows.map((g) => g.severity)), s.kind).toBeGreaterThanOrEqual(CLEAR.has(s.signal) ? 2 : 1);
    }
  });

  it("names the scenario's members, and for dual_phone the planted model", () => {
    for (const s of planted().filter((x) => MEMBER_LEVEL.has(x.signal) && x.members.length > 0)) {
      const hits = r.memberSignals.filter((m) => m.signal === s.signal && s.members.includes(m.msisdn) && m.week >= s.fires_from!);
      expect(hits.length, `${s.kind} in ${s.group_id}`).toBeGreaterThan(0);
      if (s.model) expect(hits.some((m) => (m.model ?? "").split(";").includes(s.model!)), s.kind).toBe(true);
    }
  });

  it("puts a multi-signal defection in tier high before its members port out", () => {
    const defections = truth.scenarios.filter((s) => s.kind === "defection");
    expect(defections.length).toBeGreaterThan(0);
    for (const s of defections) {
      const portWeek = s.phases?.find((p) => p.signals.includes("retention_drop"))?.week ?? addWeeks(s.start_week!, 2);
      const before = r.groupScores.filter((g) => g.group_id === s.group_id && g.week >= s.start_week! && g.week < portWeek);
      expect(before.some((g) => g.tier === "high"), `${s.group_id} before ${portWeek}`).toBe(true);
    }
  });

  it("keeps every decoy quiet", () => {
    for (const s of truth.scenarios.filter((x) => x.decoy && x.group_id !== null)) {
      const fired = r.groupSignals.filter((g) => g.group_id === s.group_id && s.quiet.includes(g.signal) && g.week >= s.start_week!);
      expect(fired.map((g) => `${g.signal}@${g.week}`), s.kind).toEqual([]);
    }
  });

  it("raises no usage-drop flag in clean groups in a holiday week", () => {
    expect(truth.holiday_weeks.length).toBeGreaterThan(0);
    const withScenario = new Set(truth.scenarios.map((s) => s.group_id));
    const flags = r.groupSignals.filter((g) => truth.holiday_weeks.includes(g.week) && !withScenario.has(g.group_id)
      && ["mou_drop", "zero_outgoing"].includes(g.signal));
    expect(flags.map((g) => `${g.group_id}:${g.signal}@${g.week}`)).toEqual([]);
    const holiday = r.reports.find((x) => x.week === truth.holiday_weeks[0])!;
    expect(holiday.populationTrend.minutes_ratio).toBeLessThan(0.8);
  });
});
