import { beforeAll, describe, expect, it } from "vitest";
import { runBacktest } from "../../pipelines/backtest/runBacktest.ts";
import { configHash } from "../../pipelines/config/loadConfig.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { rows, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";
import { handCountWarehouse } from "./handCountFixture.ts";

/**
 * handCountFixture.ts's warned groups (horizon 2, W44 and W45 complete) with what their managers
 * recorded, given as published (pub_call_follow_up). Churned (hand count in handCount.test.ts):
 * G001 and G003 after both weeks; G002 after neither.
 *   W44  G001 high    reached, retained  → churned anyway
 *        G003 medium  no return          → churned
 *   W45  G001 medium  not reached        → churned
 *        G002 medium  reached, retained  → stayed: kept by the call, not a false alarm
 *        G003 medium  reached, lost      → churned
 */
const GIVEN: Array<[week: string, group: string, tier: string, result: string | null, outcome: string | null]> = [
  ["2026-W44", "G001", "high", "reached", "retained"],
  ["2026-W44", "G003", "medium", null, null],
  ["2026-W45", "G001", "medium", "not_reached", null],
  ["2026-W45", "G002", "medium", "reached", "retained"],
  ["2026-W45", "G003", "medium", "reached", "lost"],
];

let followUp: Array<Record<string, unknown>>;
let results: Array<Record<string, unknown>>;

beforeAll(async () => {
  const db = await handCountWarehouse();
  const config = testConfig({ backtest: { horizonWeeks: 2 } });
  await withTestWarehouse(db, async (conn) => {
    for (const [week, group, tier, result, outcome] of GIVEN) {
      await sql.exec(conn, `insert into pub_call_follow_up (week, manager_id, priority, due_date, group_id, tier, is_key_person,
          carried_over, returned, contact_result, outcome, offer_reported)
        values ($week, 'M01', 1, '2026-11-24', $group, $tier, true, false, $returned, $result, $outcome, false)`,
        { week, group, tier, returned: result !== null, result, outcome });
    }
    await runBacktest(conn, { config, hash: configHash(config) });
    followUp = await rows(conn, "select follow_up, outcome, warned_groups, churned from backtest_follow_up where label = 'any_churn' order by follow_up, outcome");
    results = await rows(conn, "select kind, subject, flagged, flagged_churned, flagged_retained, false_alarms from backtest_results where level = 'group' and kind = 'tier' and label = 'any_churn' order by subject");
  });
});

describe("backtest: does calling work?", () => {
  it("splits the warned groups by follow-up and recorded outcome, with churn within the horizon", () => {
    expect(followUp.map((r) => [r.follow_up, r.outcome, Number(r.warned_groups), Number(r.churned)])).toEqual([
      ["no_return", "none", 1, 1],
      ["not_reached", "none", 1, 1],
      ["reached", "lost", 1, 1],
      ["reached", "retained", 2, 1],
    ]);
  });

  it("reports a group recorded as retained apart, not as a false alarm", () => {
    const medium = results.find((r) => r.subject === "medium")!;
    // W44 G003, W45 G001, G002, G003 medium: 3 churned, G002 kept by the call
    expect([medium.flagged, medium.flagged_churned, medium.flagged_retained, medium.false_alarms].map(Number)).toEqual([4, 3, 1, 0]);
    const high = results.find((r) => r.subject === "high")!;
    expect([high.flagged, high.flagged_churned, high.flagged_retained, high.false_alarms].map(Number)).toEqual([1, 1, 0, 0]);
  });
});
