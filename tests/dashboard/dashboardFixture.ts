import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { refreshDashboard } from "../../pipelines/dashboard/refreshDashboard.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { generate } from "../../pipelines/generate/generate.ts";
import type { ScenarioRecord } from "../../pipelines/generate/plantScenarios.ts";
import { runBacktest } from "../../pipelines/backtest/runBacktest.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { tempDir } from "../helpers/warehouse.ts";

export interface DashboardFixture {
  root: string;
  db: string;
  dist: string;
  /** The exports of every scored week: `<exports>/<week>/at_risk_groups.csv`, … */
  exports: string;
  weeks: string[];
  scenarios: ScenarioRecord[];
  timings: Record<string, number>;
}

/**
 * The real pipeline on a small city: generate (every group planted), ingest, score every week,
 * backtest with a 2-week horizon (so 4 of the 6 weeks count), export every week (as six weekly
 * runs would: each publishes its call list), then build the site once into a temp folder, as
 * `churnwatch run` does.
 */
export async function buildDashboardFixture(): Promise<DashboardFixture> {
  const root = tempDir("cw-dash-");
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] = Math.round(performance.now() - started);
    }
  };
  const extracts = join(root, "extracts");
  const generated = await time("generate", () => generate({ out: extracts, groups: 14, weeks: 6, seed: 7, plantedShare: 1, cdrPerMember: 20 }));
  const db = join(root, "data", "churnwatch.duckdb");
  const exports = join(root, "exports");
  const loaded = loadConfig();
  const weeks = await time("ingest+score+backtest+export", () =>
    withWarehouse({ db, warehouse: loaded.config.warehouse }, async (conn) => {
      const report = await ingestPath(conn, extracts, loaded.config, { tempDir: join(root, ".tmp") });
      const loadedWeeks = report.bundles.filter((b) => b.outcome === "loaded").map((b) => b.week!);
      await scoreWeeks(conn, loadedWeeks, loaded);
      await runBacktest(conn, loaded, { horizonWeeks: 2 });
      for (const week of loadedWeeks) {
        await exportWeek(conn, { db, outDir: exports, week, loaded, context: { command: "export", durationsMs: {} } });
      }
      return loadedWeeks;
    }),
  );
  const dist = join(root, "dist");
  await time("build", () => refreshDashboard({ db, outDir: dist }));
  const truth = JSON.parse(readFileSync(generated.groundTruth, "utf8")) as { scenarios: ScenarioRecord[] };
  return { root, db, dist, exports, weeks, scenarios: truth.scenarios, timings };
}
