import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../pipelines/generate/generate.ts";
import { configHash } from "../../pipelines/config/loadConfig.ts";
import { ensureScoreTables } from "../../pipelines/score/ensureScoreTables.ts";
import { readWeekStatus } from "../../pipelines/score/readWeekStatus.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { runBacktest, type BacktestReport } from "../../pipelines/backtest/runBacktest.ts";
import { addWeeks } from "../../pipelines/lib/isoWeek.ts";
import { ingest, rows, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";

interface Phase {
  week: string;
  signals: string[];
  members: string[];
}
interface Scenario {
  kind: string;
  decoy: boolean;
  group_id: string;
  phases?: Phase[];
}

// Small and quick: every group planted, few records per member (forwarding does not depend on
// volume), a 3-week horizon so that most of the 10 weeks are complete.
const HORIZON = 3;
const config = testConfig({ backtest: { horizonWeeks: HORIZON } });
const loaded = { config, hash: configHash(config) };

let report: BacktestReport;
let results: Array<Record<string, unknown>>;
let defections: Scenario[];

function lift(level: string, kind: string, subject: string, label: string): number {
  const row = results.find((r) => r.level === level && r.kind === kind && r.subject === subject && r.label === label);
  return Number(row?.lift ?? Number.NaN);
}

beforeAll(async () => {
  const root = tempDir("cw-backtest-gen-");
  const generated = await generate({ out: join(root, "extracts"), groups: 16, weeks: 10, plantedShare: 1, cdrPerMember: 20, seed: 7 });
  const truth = JSON.parse(readFileSync(generated.groundTruth, "utf8")) as { scenarios: Scenario[] };
  defections = truth.scenarios.filter((s) => s.kind === "defection" && !s.decoy);
  const db = join(root, "data", "wh.duckdb");
  await ingest(db, join(root, "extracts"), config);
  await withTestWarehouse(db, async (conn) => {
    await ensureScoreTables(conn);
    await scoreWeeks(conn, (await readWeekStatus(conn, loaded)).map((s) => s.week), loaded);
    report = await runBacktest(conn, loaded);
    results = await rows(conn, "select * from backtest_results");
  }, config);
});

describe("backtest on generated data with a planted defection", () => {
  it("has a defection whose port-outs fall inside a complete week's horizon", () => {
    expect(defections.length).toBeGreaterThan(0);
    const lastComplete = report.weeksComplete.at(-1)!;
    for (const d of defections) {
      const [warned, , portedOut] = d.phases ?? [];
      expect(portedOut?.signals).toContain("retention_drop");
      expect(warned.week <= lastComplete && portedOut.week <= addWeeks(warned.week, HORIZON)).toBe(true);
    }
    expect(report.weeksIncomplete).toHaveLength(HORIZON);
  });

  it("the signals that preceded the port-outs show lift well above 1", () => {
    for (const d of defections) {
      const [warned] = d.phases!;
      for (const signal of warned.signals) {
        // members who forwarded and took a dual-SIM handset are the ones who port out
        expect(lift("member", "signal", signal, "ported_out")).toBeGreaterThan(3);
        expect(lift("member", "signal", signal, "any_churn")).toBeGreaterThan(3);
      }
    }
    expect(lift("member", "model", "forwarding", "ported_out")).toBeGreaterThan(3);
    // the group: a batch of forwarding, and the dual-phone model behind it, come before the loss
    for (const label of ["any_churn", "ported_out"]) {
      expect(lift("group", "signal", "batch_forwarding", label)).toBeGreaterThan(3);
      expect(lift("group", "model", "forwarding", label)).toBeGreaterThan(3);
    }
  });

  it("counts every forwarder's port-out behind the member figures", () => {
    const row = results.find((r) => r.level === "member" && r.subject === "batch_forwarding" && r.label === "ported_out")!;
    const forwarders = new Set(defections.flatMap((d) => d.phases![2].members));
    expect(Number(row.flagged_churned)).toBeGreaterThanOrEqual(forwarders.size);
    expect(Number(row.churn_events_warned)).toBeGreaterThanOrEqual(forwarders.size);
  });
});
