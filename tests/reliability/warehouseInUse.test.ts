import { describe, it, expect, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { hostname } from "node:os";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { runCli } from "../helpers/runCli.ts";
import { ingest, tempDir } from "../helpers/warehouse.ts";
import { processStart } from "../../pipelines/lib/processStart.ts";

// Promise: a command that meets a warehouse in use says so plainly and does nothing; one that is
// pointed at a warehouse that is not there refuses instead of creating an empty one (issue 13,
// finding 8: "unexpected failure: Could not set lock", and a mistyped --db scored an empty warehouse).

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

async function loadedWarehouse() {
  const root = tempDir();
  const db = join(root, "data", "wh.duckdb");
  await ingest(db, writeBundle(join(root, "x"), { week: "2026-W47" }));
  return { root, db, bundle: join(root, "x", "2026-W47") };
}

/** Another process holding the warehouse open, as a run does while it works. */
async function holdOpen(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--input-type=module", "-e",
    `import { DuckDBInstance } from "@duckdb/node-api"; await DuckDBInstance.create(${JSON.stringify(db)}); console.log("open"); setInterval(() => {}, 1000);`],
  { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("open") && resolve()));
  return child;
}

describe("a warehouse a run is using", () => {
  it.each([
    ["ingest", (w: { bundle: string }) => ["ingest", w.bundle]],
    ["score", () => ["score"]],
    ["backtest", () => ["backtest"]],
    ["export", (w: { root: string }) => ["export", "--out", join(w.root, "out")]],
  ])("%s stops at once, naming the run that holds it", async (_name, args) => {
    const w = await loadedWarehouse();
    const run = await holdOpen(w.db);
    mkdirSync(dirname(w.db), { recursive: true });
    writeFileSync(`${w.db}.run.lock`, JSON.stringify({
      pid: run.pid, pid_start: processStart(run.pid!), host: hostname(), started_at: "2026-11-23T03:00:00.000Z", command: "run",
    }));
    const result = await runCli([...args(w), "--db", w.db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`another churnwatch run is in progress (pid ${run.pid}`);
    expect(result.stderr).not.toContain("unexpected failure");
    run.kill();
  });

  it("any other process holding it open is named plainly, not as 'Could not set lock'", async () => {
    const w = await loadedWarehouse();
    const other = await holdOpen(w.db);
    const result = await runCli(["score", "--db", w.db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the warehouse ${w.db} is open in another process (pid ${other.pid}); nothing was done`);
    expect(result.stderr).not.toContain("unexpected failure");
    other.kill();
  });
});

describe("a warehouse that is not there", () => {
  it.each([
    ["score", []],
    ["export", ["--out", "OUT"]],
    ["backtest", []],
  ])("%s refuses it (exit 2) and creates nothing", async (command, extra) => {
    const root = tempDir();
    const db = join(root, "data", "typo.duckdb");
    const result = await runCli([command, ...extra.map((a) => a.replace("OUT", join(root, "out"))), "--db", db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`no warehouse at ${db} (a mistyped --db or CHURNWATCH_DB?): only ingest, run and start create one`);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(dirname(db))).toBe(false);
  });
});
