import { describe, it, expect, afterAll, vi } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { main } from "../../pipelines/cli.ts";
import { BundleError } from "../../pipelines/lib/errors.ts";
import { acquireRunLock } from "../../pipelines/run/acquireRunLock.ts";
import { run, runFixture } from "../helpers/runFixture.ts";

// The real rebuild runs Framework (tens of seconds, and the registry): record the calls instead.
const dashboard = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("../../pipelines/dashboard/refreshDashboard.ts", () => ({
  refreshDashboard: async (options: { db: string }) => {
    dashboard.calls.push(options.db);
    return { durationMs: 1, outDir: "dist", summary: "" };
  },
}));

process.env.CHURNWATCH_PSEUDONYM_KEY = "run-test-key";
const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
afterAll(() => {
  sleeper.kill();
});

function writeLock(path: string, pid: number) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ pid, host: hostname(), started_at: "2026-11-23T03:00:00.000Z", command: "run" }));
}

describe("run: one at a time", () => {
  it("refuses a second concurrent run at once, and the first one completes", async () => {
    const fixture = runFixture(["2026-W47"]);
    const first = run(fixture);
    await expect(run(fixture)).rejects.toThrow(BundleError);
    await expect(run(fixture)).rejects.toThrow(/another churnwatch run is in progress \(pid \d+/);
    expect((await first).exitCode).toBe(0);
    expect(existsSync(`${fixture.db}.run.lock`)).toBe(false);
  });

  it("exits 1 from the command line with a message naming the holder", async () => {
    const fixture = runFixture(["2026-W47"]);
    writeLock(`${fixture.db}.run.lock`, sleeper.pid!);
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const code = await main(["run", fixture.extracts, "--db", fixture.db, "--out", fixture.out]);
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(stderr.join("")).toContain(`another churnwatch run is in progress (pid ${sleeper.pid}`);
    expect(existsSync(fixture.out)).toBe(false);
  });

  it("takes over a lock whose process is dead (a crashed run)", async () => {
    const fixture = runFixture(["2026-W47"]);
    const dead = spawnSync("true").pid;
    writeLock(`${fixture.db}.run.lock`, dead);
    const report = await run(fixture);
    expect(report.exitCode).toBe(0);
    expect(existsSync(`${fixture.db}.run.lock`)).toBe(false);
  });

  it("releases only its own lock", () => {
    const fixture = runFixture([]);
    const path = `${fixture.db}.run.lock`;
    const release = acquireRunLock(path, "run");
    writeLock(path, sleeper.pid!); // someone else's now (e.g. after a takeover)
    release();
    expect(existsSync(path)).toBe(true);
  });
});

describe("run: command line", () => {
  it("prints the run report with --json and exits 0 when nothing is new", async () => {
    const fixture = runFixture(["2026-W47"]);
    await run(fixture);
    const out: string[] = [];
    const spyOut = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const spyErr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let code: number;
    try {
      code = await main(["run", fixture.extracts, "--db", fixture.db, "--out", fixture.out, "--json"]);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }
    expect(code).toBe(0);
    const report = JSON.parse(out.join(""));
    expect(report).toMatchObject({ command: "run", outcome: "nothing_new", exitCode: 0, export: { week: "2026-W47", outcome: "unchanged" } });
  });

  it("exits 2 on wrong usage", async () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["run"])).toBe(2);
      const { db, out } = runFixture([]);
      expect(await main(["export", "--week", "2026-47", "--db", db, "--out", out])).toBe(2);
      expect(existsSync(out)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
