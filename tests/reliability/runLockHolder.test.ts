import { describe, it, expect, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { acquireRunLock } from "../../pipelines/run/acquireRunLock.ts";
import { processStart } from "../../pipelines/lib/processStart.ts";
import { tempDir } from "../helpers/warehouse.ts";

// Promise: nothing stays stuck — a lock left by a killed run is taken over even when its pid has
// since been given to another process (issue 13, finding 8: it blocked every run forever).

const other = spawn("sleep", ["60"], { stdio: "ignore" });
afterAll(() => {
  other.kill();
});

function lockOf(pid: number, pidStart: string | null | undefined) {
  const dir = tempDir("cw-lock-");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "wh.duckdb.run.lock");
  const holder: Record<string, unknown> = { pid, host: hostname(), started_at: "2026-11-23T03:00:00.000Z", command: "run" };
  if (pidStart !== undefined) holder.pid_start = pidStart;
  writeFileSync(path, JSON.stringify(holder));
  return path;
}

describe("the run lock knows its holder by pid and start time", () => {
  it("records the taker's start time beside its pid", () => {
    const path = join(tempDir("cw-lock-"), "wh.duckdb.run.lock");
    const release = acquireRunLock(path, "run");
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid, pid_start: processStart(process.pid) });
    release();
  });

  it.skipIf(processStart(process.pid) === null)("takes over a lock whose pid now belongs to another process", () => {
    // The crashed run's pid, handed to an unrelated process (here: a sleep) that started at another time.
    const path = lockOf(other.pid!, "0123456789ab.1");
    const release = acquireRunLock(path, "run");
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(path)).toBe(false);
  });

  it("still refuses while the holder itself runs", () => {
    const path = lockOf(other.pid!, processStart(other.pid!));
    expect(() => acquireRunLock(path, "run")).toThrow(/another churnwatch run is in progress \(pid \d+/);
  });
});
