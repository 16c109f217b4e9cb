import { beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../pipelines/cli.ts";
import { runBacktest, type BacktestReport } from "../../pipelines/backtest/runBacktest.ts";
import { formatBacktestTable, type BacktestResultRow } from "../../pipelines/backtest/formatBacktestTable.ts";
import { configHash } from "../../pipelines/config/loadConfig.ts";
import { SIGNAL_CODES } from "../../pipelines/config/scoringConfig.ts";
import { rows, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";
import { handCountWarehouse } from "./handCountFixture.ts";

type Row = Record<string, unknown>;

/**
 * The figures of handCountFixture.ts, counted by hand (horizon 2 weeks, W44 and W45 complete).
 *
 * Members still with their group: W44 23 (k1 left in W44 itself), W45 22 (m2 ported in W45) = 45.
 * Churned within 2 weeks: W44 m2 (W45, ported), m3 (W46, gone), k2 (W46, left);
 *                         W45 m3 (W46), k2 (W46), n2 (W47, closed)            = 6, ported 1.
 * Groups: 5 a week, 10 group-weeks. Churned: W44 G001 (1 of 5 lost = 20 %, in W45) and G003 (its
 * only key person k2, in W46); W45 G001 (1 of 4, in W46) and G003 (k2); G002 loses 1 of 6 in W47
 * (17 %, and after W44's horizon) = 4; ported: W44 G001 only = 1.
 */
const MEMBERS = 45;
const MEMBER_CHURNERS = 6;
const GROUPS = 10;
const GROUP_CHURNERS = 4;

let report: BacktestReport;
let results: Row[];
let gains: Row[];
let weeks: Row[];
let runs: Row[];
let db: string;

function result(level: string, kind: string, subject: string, label = "any_churn"): Row {
  const found = results.find((r) => r.level === level && r.kind === kind && r.subject === subject && r.label === label);
  if (!found) throw new Error(`no result row ${level} ${kind} ${subject} ${label}`);
  return found;
}

const counts = (r: Row) => [Number(r.flagged), Number(r.flagged_churned), Number(r.population), Number(r.base_churners)];

beforeAll(async () => {
  db = await handCountWarehouse();
  const config = testConfig({ backtest: { horizonWeeks: 2, gainsStepPercent: 20 } });
  await withTestWarehouse(db, async (conn) => {
    report = await runBacktest(conn, { config, hash: configHash(config) });
    results = await rows(conn, "select * from backtest_results");
    gains = await rows(conn, "select * from backtest_gains where label = 'any_churn' order by top_percent");
    weeks = await rows(conn, "select * from backtest_weeks order by week");
    runs = await rows(conn, "select * from backtest_runs");
  }, config);
});

describe("backtest on a hand-counted fixture", () => {
  it("judges the scored weeks whose horizon is loaded, and marks the others incomplete", () => {
    expect(report.weeksEvaluated).toEqual(["2026-W44", "2026-W45", "2026-W46"]);
    expect(report.weeksComplete).toEqual(["2026-W44", "2026-W45"]);
    expect(report.weeksIncomplete).toEqual(["2026-W46"]);
    expect(weeks.map((w) => [w.week, w.horizon_end_week, w.horizon_complete, w.members, w.member_churners_any, w.groups, w.group_churners_any])).toEqual([
      ["2026-W44", "2026-W46", true, 23, 3, 5, 2],
      ["2026-W45", "2026-W47", true, 22, 3, 5, 2],
      // W46's horizon ends in W48, not loaded: no churner count rather than "nobody churned"
      ["2026-W46", "2026-W48", false, 20, null, 5, null],
    ]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ from_week: "2026-W44", to_week: "2026-W46", horizon_weeks: 2, weeks_complete: 2, weeks_incomplete: 1, scores_config_hashes: configHash(testConfig()) });
  });

  it("member signals: precision, recall, lift, AUC and lead equal the hand count", () => {
    const baseRate = MEMBER_CHURNERS / MEMBERS;
    // batch_forwarding: m2 (churns) and m4 (stays) in W44
    const bf = result("member", "signal", "batch_forwarding");
    expect(counts(bf)).toEqual([2, 1, MEMBERS, MEMBER_CHURNERS]);
    expect(bf.base_rate).toBeCloseTo(baseRate, 12);
    expect(bf.precision).toBeCloseTo(1 / 2, 12);
    expect(bf.recall).toBeCloseTo(1 / 6, 12);
    expect(bf.lift).toBeCloseTo(1 / 2 / baseRate, 12);
    // severities: churners m2 = 2, five at 0; stayers m4 = 2, 38 at 0 (ties count half)
    expect(bf.auc).toBeCloseTo((38 + 1 / 2 + 5 * (38 / 2)) / (6 * 39), 12);
    expect(bf.gini).toBeCloseTo(2 * Number(bf.auc) - 1, 12);
    expect([bf.median_weeks_to_churn, bf.churn_events_warned]).toEqual([1, 1]);
    expect(bf.top_decile_lift).toBeNull();

    // zero_outgoing: m3 in W44 and W45 (churns in W46), n1 in W44 (stays); one churn, first warned 2 weeks before
    const zo = result("member", "signal", "zero_outgoing");
    expect(counts(zo)).toEqual([3, 2, MEMBERS, MEMBER_CHURNERS]);
    expect(zo.precision).toBeCloseTo(2 / 3, 12);
    expect(zo.recall).toBeCloseTo(2 / 6, 12);
    expect(zo.lift).toBeCloseTo(2 / 3 / baseRate, 12);
    expect([zo.median_weeks_to_churn, zo.churn_events_warned]).toEqual([2, 1]);

    // arrears: n2 in W45 (closed in W47); its W46 warning lies in an incomplete week and is not counted
    const ar = result("member", "signal", "arrears");
    expect(counts(ar)).toEqual([1, 1, MEMBERS, MEMBER_CHURNERS]);
    expect(ar.lift).toBeCloseTo(1 / baseRate, 12);
  });

  it("dual-phone models are judged one by one; a model that fired and was always wrong scores 0, not n/a", () => {
    expect(counts(result("member", "model", "forwarding"))).toEqual([1, 1, MEMBERS, MEMBER_CHURNERS]);
    expect(counts(result("member", "model", "handset"))).toEqual([1, 1, MEMBERS, MEMBER_CHURNERS]);
    const affinity = result("member", "model", "affinity");
    expect(counts(affinity)).toEqual([1, 0, MEMBERS, MEMBER_CHURNERS]);
    expect([affinity.precision, affinity.recall, affinity.lift]).toEqual([0, 0, 0]);
    expect(counts(result("group", "model", "forwarding"))).toEqual([1, 1, GROUPS, GROUP_CHURNERS]);
  });

  it("ported out is kept apart from any churn", () => {
    const bf = result("member", "signal", "batch_forwarding", "ported_out");
    expect(counts(bf)).toEqual([2, 1, MEMBERS, 1]);
    expect(bf.lift).toBeCloseTo(1 / 2 / (1 / MEMBERS), 12);
    const zo = result("member", "signal", "zero_outgoing", "ported_out");
    expect([zo.precision, zo.recall, zo.lift]).toEqual([0, 0, 0]);
    expect(counts(result("group", "signal", "batch_forwarding", "ported_out"))).toEqual([1, 1, GROUPS, 1]);
  });

  it("group signals, tiers and the score equal the hand count", () => {
    const baseRate = GROUP_CHURNERS / GROUPS;
    const zo = result("group", "signal", "zero_outgoing");
    expect(counts(zo)).toEqual([3, 2, GROUPS, GROUP_CHURNERS]);
    expect(zo.precision).toBeCloseTo(2 / 3, 12);
    expect(zo.recall).toBeCloseTo(2 / 4, 12);
    expect(zo.lift).toBeCloseTo(2 / 3 / baseRate, 12);
    expect(counts(result("group", "signal", "retention_drop"))).toEqual([1, 1, GROUPS, GROUP_CHURNERS]);
    // key_person_change is judged like the others: G003 in W44 and W45, churning in W46 (one event, first warned 2 weeks before)
    const kpc = result("group", "signal", "key_person_change");
    expect(counts(kpc)).toEqual([2, 2, GROUPS, GROUP_CHURNERS]);
    expect([kpc.median_weeks_to_churn, kpc.churn_events_warned]).toEqual([2, 1]);

    expect(counts(result("group", "tier", "high"))).toEqual([1, 1, GROUPS, GROUP_CHURNERS]);
    const medium = result("group", "tier", "medium");
    expect(counts(medium)).toEqual([4, 3, GROUPS, GROUP_CHURNERS]);
    expect(medium.lift).toBeCloseTo(3 / 4 / baseRate, 12);
    expect(counts(result("group", "tier", "low"))).toEqual([5, 0, GROUPS, GROUP_CHURNERS]);

    // top 10 % of 5 groups a week = the top one: G001 both weeks, both churned
    const score = result("group", "score", "risk_score");
    expect(counts(score)).toEqual([2, 2, GROUPS, GROUP_CHURNERS]);
    expect(score.top_decile_lift).toBeCloseTo(1 / baseRate, 12);
    // every churner (80, 50, 60, 45) outscores every stayer (20, 0, 0, 40, 5, 0)
    expect(score.auc).toBeCloseTo(1, 12);
    expect(score.gini).toBeCloseTo(1, 12);
  });

  it("the gains curve takes each week's top groups and counts the churners caught", () => {
    expect(gains.map((g) => [g.top_percent, g.groups_taken, g.churners_taken])).toEqual([
      // each cut is exactly ceil(k % of 5) a week, even where G004 and G005 tie at 0 in W44
      [0, 0, 0], [20, 2, 2], [40, 4, 4], [60, 6, 4], [80, 8, 4], [100, 10, 4],
    ]);
    expect(gains[1].population_share).toBeCloseTo(0.2, 12);
    expect(gains[1].churner_share).toBeCloseTo(0.5, 12);
    expect(gains[1].lift).toBeCloseTo(2.5, 12);
    expect(gains[0].lift).toBeNull();
  });

  it("a warning that never fires reports no figure: NULL in the table, n/a in text", () => {
    const never = [
      result("member", "signal", "revenue_drop"),
      result("member", "model", "circle"),
      result("group", "signal", "handset_change"),
      // the only member retention_drop is k1's, who left in W44 itself: already gone, not predicted
      result("member", "signal", "retention_drop"),
      // ... and so is k1's key_person_change (its contact ported out)
      result("member", "signal", "key_person_change"),
    ];
    for (const r of never) {
      expect(counts(r)).toEqual([0, 0, Number(r.population), Number(r.base_churners)]);
      for (const figure of ["precision", "recall", "lift", "auc", "gini", "median_weeks_to_churn"]) expect(r[figure]).toBeNull();
    }
    const text = formatBacktestTable(results as unknown as BacktestResultRow[]);
    const line = text.split("\n").find((l) => /^\s+member\s+revenue_drop\s/.test(l));
    expect(line).toMatch(/\s0\s+0\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a$/);
    expect(text).not.toMatch(/NaN|null|undefined/);
  });

  it("lists every signal, model and tier at each level, for both labels", () => {
    // every signal code (11) + 4 models per level, 3 tiers, 1 score; two labels
    expect(SIGNAL_CODES).toHaveLength(11);
    expect(results).toHaveLength(2 * (2 * (SIGNAL_CODES.length + 4) + 3 + 1));
  });

  it("churnwatch backtest: checks its options, prints n/a for no figure, --json, keeps a run log", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["backtest", "--db", db, "--from", "2026-47"])).toBe(2);
      expect(await main(["backtest", "--db", db, "--from", "2026-W46", "--to", "2026-W44"])).toBe(2);
      expect(await main(["backtest", "--db", db, "--horizon", "0"])).toBe(2);
      expect(await main(["backtest", "--db", db, "--from", "2027-W01"])).toBe(2);
      stderr.mockClear();
      expect(await main(["backtest", "--db", db, "--horizon", "2", "--to", "2026-W45", "--json"])).toBe(0);
      const printed = JSON.parse(stdout.mock.calls.map((c) => String(c[0])).join(""));
      expect(printed).toMatchObject({ command: "backtest", horizonWeeks: 2, weeksEvaluated: ["2026-W44", "2026-W45"], weeksIncomplete: [] });
      expect(printed.results).toHaveLength(results.length);
      const text = stderr.mock.calls.map((c) => String(c[0])).join("");
      expect(text).toContain("any_churn, members: 6 of 45 churned (base rate 13.3%)");
      expect(text).toMatch(/member\s+revenue_drop\s+0\s+0\s+n\/a/);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
    const log = await withTestWarehouse(db, (conn) => rows(conn, "select to_week, horizon_weeks from backtest_runs order by run_at"));
    expect(log).toEqual([{ to_week: "2026-W46", horizon_weeks: 2 }, { to_week: "2026-W45", horizon_weeks: 2 }]);
  });

  it("group labels follow the configuration: the share (met exactly at 2 of 5) and the key-person rule", async () => {
    const config = testConfig({ backtest: { horizonWeeks: 2, groupChurnShare: 0.4, groupChurnAllKeyPersons: false } });
    const churners = await withTestWarehouse(db, async (conn) => {
      await runBacktest(conn, { config, hash: configHash(config) });
      return rows(conn, "select week, group_churners_any from backtest_weeks where horizon_complete order by week");
    }, config);
    // G001 loses 2 of 5 by W46 after W44 (40 %), 1 of 4 after W45 (25 %); G003 loses 1 of 6 and no
    // longer churns by losing its only key person
    expect(churners).toEqual([{ week: "2026-W44", group_churners_any: 1 }, { week: "2026-W45", group_churners_any: 0 }]);
  });
});
