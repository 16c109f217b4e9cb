import { describe, it, expect } from "vitest";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBundle, defaultTables } from "../helpers/bundleFixture.ts";
import { tempDir, ingest, withTestWarehouse, snapshot, rows } from "../helpers/warehouse.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";

const CLI = fileURLToPath(new URL("../../pipelines/bin/churnwatch.js", import.meta.url));

describe("ingest: a process killed mid-load", () => {
  it("leaves the warehouse exactly as before, and the bundle loads on the next try", async () => {
    const root = tempDir();
    const db = join(root, "wh.duckdb");
    await ingest(db, writeBundle(join(root, "first"), { week: "2026-W46" }));
    await ingest(db, writeBundle(join(root, "first"), { week: "2026-W47" }));
    const before = await withTestWarehouse(db, snapshot);

    // A changed re-delivery of W47, big enough that its CDR insert is still running when killed.
    const base = defaultTables("2026-W47").cdr[0];
    const cdr = Array.from({ length: 400_000 }, (_, i) => ({ ...base, record_id: `K${i}` }));
    const bundle = writeBundle(join(root, "second"), { week: "2026-W47", tables: { cdr } });

    const child = spawn(process.execPath, [CLI, "ingest", bundle, "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const killedAt = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // The transaction is open and has already deleted the old W47 and inserted the new groups.
        if (stderr.includes("groups.csv:") && !child.killed) {
          child.kill("SIGKILL");
          resolve(stderr);
        }
      });
      child.on("exit", () => reject(new Error(`load finished before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => child.on("close", r));
    expect(killedAt).not.toContain("2026-W47: replaced");

    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
    const beforeRetry = await rawState(db);
    const retry = await ingest(db, bundle);
    expect(retry.bundles[0].outcome).toBe("replaced");
    await expectIngestInvariant(db, bundle, retry, beforeRetry);
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select count(*)::int as n from raw_cdr where week = '2026-W47'")).toEqual([{ n: 400_000 }]);
    });
  });
});
