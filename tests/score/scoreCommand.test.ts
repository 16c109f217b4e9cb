import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withWarehouse } from "../../pipelines/db/withWarehouse.ts";
import { Fixture } from "../signals/fixture.ts";
import { testConfig } from "../signals/scoreFixture.ts";
import { runCli } from "../helpers/runCli.ts";

const cli = runCli;

describe("churnwatch score", () => {
  const dir = mkdtempSync(join(tmpdir(), "churnwatch-score-"));
  const db = join(dir, "warehouse.duckdb");
  const umask = process.umask();
  beforeAll(async () => {
    const fx = new Fixture("2026-W40", 3);
    fx.crowd("G1", 4);
    await withWarehouse({ db, warehouse: testConfig().config.warehouse }, (conn) => fx.load(conn));
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it("scores the latest loaded week (and the stale weeks before it), reporting on stdout with --json", async () => {
    const run = await cli(["score", "--db", db, "--json"]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.weeks.map((w: { week: string }) => w.week)).toEqual(["2026-W40", "2026-W41", "2026-W42"]);
    expect(Object.keys(report.weeks[2].timingsMs)).toEqual(["staging", "features", "baselines", "signals", "scores", "publish", "write"]);
    expect(run.stderr).toMatch(/2026-W42: scored in/);
  });

  it("re-scores one week, or every week with --all", async () => {
    expect(JSON.parse((await cli(["score", "--db", db, "--week", "2026-W41", "--json"])).stdout).weeks).toHaveLength(1);
    expect(JSON.parse((await cli(["score", "--db", db, "--all", "--json"])).stdout).weeks).toHaveLength(3);
  });

  it("exits 1 for a week not loaded and 2 for wrong usage, saying why", async () => {
    const missing = await cli(["score", "--db", db, "--week", "2030-W01"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/week 2030-W01 is not loaded \(loaded: 2026-W40 to 2026-W42\)/);
    expect((await cli(["score", "--db", db, "--week", "W1"])).status).toBe(2);
    expect((await cli(["score", "--db", db, "--week", "2026-W41", "--all"])).status).toBe(2);
  });
});
