import { describe, it, expect, beforeAll, vi } from "vitest";
import { join } from "node:path";
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { confidentialTerms } from "../../pipelines/export/confidentialTerms.ts";
import { UsageError } from "../../pipelines/lib/errors.ts";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { withTestWarehouse, rows } from "../helpers/warehouse.ts";
import { run, runFixture, writeRunBundle } from "../helpers/runFixture.ts";

// The real rebuild runs Framework (tens of seconds, and the registry): record the calls instead.
const dashboard = vi.hoisted(() => ({ calls: [] as string[], fail: false }));
vi.mock("../../pipelines/dashboard/refreshDashboard.ts", () => ({
  refreshDashboard: async (options: { db: string }) => {
    dashboard.calls.push(options.db);
    if (dashboard.fail) throw new Error("dashboard build failed (exit 1)");
    return { durationMs: 1, outDir: "dist", summary: "" };
  },
}));
// Lets a test make the export fail half-way (after ingest and scoring), as a full disk would.
const failing = vi.hoisted(() => ({ workbook: false }));
vi.mock("../../pipelines/export/callListWorkbook.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../pipelines/export/callListWorkbook.ts")>();
  return {
    callListWorkbook: (...args: Parameters<typeof original.callListWorkbook>) =>
      failing.workbook ? Promise.reject(new Error("ENOSPC: no space left on device")) : original.callListWorkbook(...args),
  };
});

const fixture = runFixture();
const W47 = "2026-W47";
// The job runs with its own copy of the wording table, so a test can break it without changing the
// configuration (whose hash would make every week stale).
const wording = join(fixture.root, "actions.csv");
const config = join(fixture.root, "config.json");
copyFileSync(fileURLToPath(new URL("../../pipelines/export/suggested_actions.csv", import.meta.url)), wording);
writeFileSync(config, JSON.stringify({ export: { wordingTable: wording } }));
const runIt = () => run(fixture, config);

function snapshotFiles(dir: string) {
  return new Map(listFiles(dir).map((f) => [f, { bytes: readFileSync(join(dir, f)), mtime: statSync(join(dir, f)).mtimeMs }]));
}

beforeAll(() => {
  process.env.CHURNWATCH_PSEUDONYM_KEY = "run-test-key";
});

describe("run: the weekly job on the real pipeline", () => {
  it("ingests, scores every week, exports every week it scored (the latest last)", async () => {
    const report = await runIt();
    expect(report.exitCode).toBe(0);
    expect(report.outcome).toBe("done");
    expect(report.weeksScored).toEqual(["2026-W45", "2026-W46", W47]);
    expect(report.export).toMatchObject({ week: W47, outcome: "written" });
    const files = listFiles(join(fixture.out, W47));
    expect(files).toEqual(expect.arrayContaining(["at_risk_groups.csv", "member_signals.csv", "run_report.json", "calls/M01.csv", "calls/M01.xlsx"]));
    const runReport = JSON.parse(readFileSync(join(fixture.out, W47, "run_report.json"), "utf8"));
    expect(runReport.bundles.loaded.map((b: { bundle: string }) => b.bundle)).toEqual(["2026-W45", "2026-W46", W47]);
    expect(Object.keys(runReport.durations_ms)).toEqual(["ingest", "score", "export"]);
    expect(report.dashboard.outcome).toBe("refreshed");
    expect(dashboard.calls).toEqual([fixture.db]);
  });

  it("writes call lists without third-party numbers and with confidential wording", async () => {
    const others = await withTestWarehouse(fixture.db, (conn) => rows(conn, "select distinct other_party from raw_cdr"));
    for (const file of listFiles(join(fixture.out, W47)).filter((f) => f.startsWith("calls/") && f.endsWith(".csv"))) {
      const text = readFileSync(join(fixture.out, W47, file), "utf8");
      for (const { other_party } of others) expect(text).not.toContain(String(other_party));
      const [header, ...data] = parseCsv(text);
      for (const row of data) expect(row[header.indexOf("suggested_action")]).not.toMatch(confidentialTerms);
    }
  });

  it("changes no file on a second run with nothing new (exit 0, nothing_new)", async () => {
    const before = snapshotFiles(fixture.out);
    const report = await runIt();
    expect(report.outcome).toBe("nothing_new");
    expect(report.exitCode).toBe(0);
    expect(report.weeksScored).toEqual([]);
    expect(report.dashboard.outcome).toBe("unchanged");
    expect(dashboard.calls).toHaveLength(1);
    const after = snapshotFiles(fixture.out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, { bytes, mtime }] of before) {
      expect(after.get(f)!.bytes.equals(bytes), f).toBe(true);
      expect(after.get(f)!.mtime, f).toBe(mtime);
    }
  });

  it("keeps the last outputs when a run fails, and the next good run goes on", async () => {
    const before = snapshotFiles(fixture.out);
    writeRunBundle(fixture.extracts, "2026-W48");
    failing.workbook = true;
    await expect(runIt()).rejects.toThrow(/ENOSPC/);
    failing.workbook = false;
    const after = snapshotFiles(fixture.out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, { bytes }] of before) expect(after.get(f)!.bytes.equals(bytes), f).toBe(true);
    // the first run exported every week it scored, oldest first
    expect(readdirSync(fixture.out).sort()).toEqual(["2026-W45", "2026-W46", W47]);
    expect(existsSync(`${fixture.db}.run.lock`)).toBe(false);

    const report = await runIt();
    expect(report.exitCode).toBe(0);
    expect(report.weeksScored).toEqual([]); // scored by the failed run already
    expect(report.export).toMatchObject({ week: "2026-W48", outcome: "written" });
    expect(readdirSync(fixture.out).sort()).toEqual(["2026-W45", "2026-W46", W47, "2026-W48"]);
  });

  it("retries a dashboard refresh that failed, on the next run even with nothing new", async () => {
    writeRunBundle(fixture.extracts, "2026-W50");
    dashboard.fail = true;
    const failed = await runIt();
    dashboard.fail = false;
    expect(failed.dashboard.outcome).toBe("failed");
    expect(failed.exitCode).toBe(1);
    const calls = dashboard.calls.length;
    const retried = await runIt();
    expect(retried.weeksScored).toEqual([]);
    expect(retried.dashboard.outcome).toBe("refreshed");
    expect(dashboard.calls.length).toBe(calls + 1);
    const settled = await runIt();
    expect(settled.dashboard.outcome).toBe("unchanged");
  });

  it("reports a broken bundle with exit 1 and still exports what loaded", async () => {
    writeBundle(fixture.extracts, { week: "2026-W49", editManifest: (m) => { m.files[0].rows += 1; } });
    const report = await runIt();
    expect(report.exitCode).toBe(1);
    expect(report.outcome).toBe("failed");
    expect(report.ingest.bundles.find((b) => b.bundle === "2026-W49")).toMatchObject({ outcome: "failed" });
    expect(report.ingest.bundles.find((b) => b.bundle === "2026-W49")!.message).toMatch(/groups\.csv/);
    expect(report.export).toMatchObject({ week: "2026-W50", outcome: "unchanged" });
  });

  it("refuses a wording table that would reveal observed behaviour before loading anything", async () => {
    const loadsBefore = await withTestWarehouse(fixture.db, (conn) => rows(conn, "select count(*)::int as n from load_runs"));
    const good = readFileSync(wording);
    writeFileSync(wording, "signal,tier,action_zh,gloss_en\n*,high,告诉客户我们发现他呼转到联通,no\n");
    try {
      await expect(runIt()).rejects.toThrow(UsageError);
      await expect(runIt()).rejects.toThrow(/line 2.*保密/);
    } finally {
      writeFileSync(wording, good);
    }
    const loadsAfter = await withTestWarehouse(fixture.db, (conn) => rows(conn, "select count(*)::int as n from load_runs"));
    expect(loadsAfter).toEqual(loadsBefore);
    expect(existsSync(`${fixture.db}.run.lock`)).toBe(false);
  });
});
