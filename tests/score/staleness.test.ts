import { describe, it, expect } from "vitest";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { listStaleWeeks } from "../../pipelines/score/listStaleWeeks.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { Fixture } from "../signals/fixture.ts";
import { testConfig } from "../signals/scoreFixture.ts";

describe("stale weeks", () => {
  const fx = new Fixture("2026-W40", 4);
  fx.crowd("G1", 5);
  const loaded = testConfig();

  it("lists unscored weeks, then none, then every week from a late bundle on, then all for a new configuration", async () => {
    await withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
      await fx.load(conn);
      expect(await listStaleWeeks(conn, loaded)).toEqual(fx.weeks);

      // asking for the last week scores the stale weeks before it first: they are its history
      const reports = await scoreWeeks(conn, ["2026-W43"], loaded);
      expect(reports.map((r) => r.week)).toEqual(fx.weeks);
      expect(await listStaleWeeks(conn, loaded)).toEqual([]);

      // a late re-delivery of W41 changes what W41 and every later week were computed from
      await conn.run("update raw_bundles set checksum = 'redelivered' where week = '2026-W41'");
      expect(await listStaleWeeks(conn, loaded)).toEqual(["2026-W41", "2026-W42", "2026-W43"]);
      await scoreWeeks(conn, await listStaleWeeks(conn, loaded), loaded);
      expect(await listStaleWeeks(conn, loaded)).toEqual([]);

      const other = testConfig({ signals: { baseline: { weeks: 3 } } });
      expect(other.hash).not.toBe(loaded.hash);
      expect(await listStaleWeeks(conn, other)).toEqual(fx.weeks);
      // settings that do not decide results (memory, exports, backtest) leave the scores current
      const unrelated = testConfig({ warehouse: { memoryLimit: "1GB" }, export: { dueWorkingDays: { A: 1 } }, backtest: { horizonWeeks: 4 } });
      expect(await listStaleWeeks(conn, unrelated)).toEqual([]);
      const stored = await conn.runAndReadAll("select distinct config_hash from group_scores");
      expect(stored.getRows()).toEqual([[loaded.hash]]);
    });
  });

  it("refuses a week that is not loaded, before scoring anything", async () => {
    await withWarehouse({ db: ":memory:", warehouse: loaded.config.warehouse }, async (conn) => {
      await fx.load(conn);
      await expect(scoreWeeks(conn, ["2026-W50"], loaded)).rejects.toThrow(/week 2026-W50 is not loaded \(loaded: 2026-W40 to 2026-W43\)/);
      expect(await listStaleWeeks(conn, loaded)).toEqual(fx.weeks);
    });
  });
});
