import { describe, it, expect, vi } from "vitest";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../pipelines/lib/errors.ts";
import { run, runFixture } from "../helpers/runFixture.ts";
import { runCli } from "../helpers/runCli.ts";
import { ingest, tempDir } from "../helpers/warehouse.ts";
import { writeBundle } from "../helpers/bundleFixture.ts";

// The real rebuild runs Framework: record the calls instead (no dashboard is reached here anyway).
vi.mock("../../pipelines/dashboard/refreshDashboard.ts", () => ({ refreshDashboard: async () => ({ durationMs: 1 }) }));

// Promise: an output folder the job cannot write is found before any work, not after an hour of
// loading and scoring (issue 13, finding 8). As root every folder is writable, so the unwritable
// place here is one under a regular file; a read-only folder fails the same check (access W_OK).

describe("an output folder that cannot be written", () => {
  it("stops the weekly job before it loads or scores anything", async () => {
    const fixture = runFixture(["2026-W47"]);
    mkdirSync(fixture.root, { recursive: true });
    writeFileSync(join(fixture.root, "a-file"), "");
    const out = join(fixture.root, "a-file", "out");
    await expect(run({ ...fixture, out })).rejects.toThrow(UsageError);
    await expect(run({ ...fixture, out })).rejects.toThrow(`--out ${out}: ${join(fixture.root, "a-file")} is not a folder`);
    expect(existsSync(fixture.db)).toBe(false); // nothing loaded, not even a warehouse created
  });

  it("stops churnwatch export (exit 2) before it reads the warehouse", async () => {
    const root = tempDir();
    const db = join(root, "wh.duckdb");
    await ingest(db, writeBundle(join(root, "x"), { week: "2026-W47" }));
    writeFileSync(join(root, "a-file"), "");
    const result = await runCli(["export", "--db", db, "--out", join(root, "a-file", "out")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is not a folder");
  });

  it.skipIf(process.getuid?.() === 0)("refuses a read-only folder", async () => {
    const fixture = runFixture(["2026-W47"]);
    const out = join(fixture.root, "ro");
    mkdirSync(out, { mode: 0o555 });
    await expect(run({ ...fixture, out })).rejects.toThrow(/is not writable \(EACCES\); nothing was done/);
  });
});
