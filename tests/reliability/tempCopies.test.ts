import { describe, it, expect } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultTables, writeBundle } from "../helpers/bundleFixture.ts";
import { ingest, tempDir } from "../helpers/warehouse.ts";
import { processStart } from "../../pipelines/lib/processStart.ts";

// Promise: raw personal data does not outlive a load. The UTF-8 copies of GBK files are removed
// after each bundle; those of a load killed mid-way are removed by the next ingest, while a load
// running now in another process keeps its own (issue 13, finding 8).

const CLI = fileURLToPath(new URL("../../pipelines/bin/churnwatch.js", import.meta.url));

describe("temporary GBK copies", () => {
  it("left by a killed load are removed at the next start", async () => {
    const root = tempDir();
    const db = join(root, "data", "wh.duckdb");
    const tmp = join(root, "data", ".tmp");
    const base = defaultTables("2026-W47").cdr[0];
    const cdr = Array.from({ length: 200_000 }, (_, i) => ({ ...base, record_id: `K${i}` }));
    const bundle = writeBundle(join(root, "x"), { week: "2026-W47", encoding: "gbk", tables: { cdr } });

    const child = spawn(process.execPath, [CLI, "ingest", bundle, "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // Every file is transcoded by now; DuckDB is reading the copies.
        if (stderr.includes("loading week") && !child.killed) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`load finished before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => child.on("close", r));
    const left = readdirSync(tmp);
    expect(left).toHaveLength(1);
    expect(readdirSync(join(tmp, left[0])).length).toBeGreaterThan(0);

    // A load running now in another process (here: this one) keeps its folder.
    const mine = join(tmp, `ingest-${process.pid}-${processStart(process.pid) ?? "x"}-live000`);
    mkdirSync(mine);
    writeFileSync(join(mine, "0.csv"), "copy in use");
    // A folder from before owners were named, and one of a process long gone.
    const dead = spawnSync("true").pid;
    for (const name of ["ingest-a1B2c3", `ingest-${dead}-x-Zz9Yy8`]) mkdirSync(join(tmp, name));

    await ingest(db, writeBundle(join(root, "y"), { week: "2026-W46" }));
    expect(readdirSync(tmp)).toEqual([`ingest-${process.pid}-${processStart(process.pid) ?? "x"}-live000`]);
    expect(existsSync(join(mine, "0.csv"))).toBe(true);
  });
});
