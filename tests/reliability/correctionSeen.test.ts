import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";
import { ingest, rows, snapshot, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

// Promise: a correction is never mistaken for the delivery already loaded (issue 13, finding 3),
// while a delivery that did not change is still recognised without reading a byte of its files.
// The cheap test compares the manifest's bytes and every file's size and modification time.

const W47 = "2026-W47";

async function loaded() {
  const root = tempDir();
  const bundle = writeBundle(join(root, "x"), { week: W47 });
  const db = join(root, "wh.duckdb");
  expect((await ingest(db, bundle)).bundles[0].outcome).toBe("loaded");
  return { bundle, db };
}

/** Rewrites a file in place with text of the same length (a correction that keeps its size). */
function correct(bundle: string, file: string, from: string, to: string): void {
  const path = join(bundle, file);
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
  writeFileSync(path, after);
}

describe("a correction that keeps every file's size", () => {
  it("is loaded: a member's status active → closed replaces the week", async () => {
    const { bundle, db } = await loaded();
    correct(bundle, "members.csv", "13800000002,G001,member,none,2021-05-10,active", "13800000002,G001,member,none,2021-05-10,closed");
    const before = await rawState(db);
    const report = await ingest(db, bundle);
    expect(report.bundles[0].outcome).toBe("replaced");
    await expectIngestInvariant(db, bundle, report, before);
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select status from raw_members where msisdn = '13800000002'")).toEqual([{ status: "closed" }]);
    });
  });

  it("is checked: an invalid value of the same length fails the bundle and keeps the loaded week", async () => {
    const { bundle, db } = await loaded();
    correct(bundle, "members.csv", ",188,", ",1x8,");
    const before = await rawState(db);
    const report = await ingest(db, bundle);
    expect(report.bundles[0]).toMatchObject({ outcome: "failed", message: expect.stringContaining("members.csv: 1 of 4 rows refused") });
    await expectIngestInvariant(db, bundle, report, before);
  });
});

describe("a delivery that did not change", () => {
  it("is recognised without reading its files (the cheap test), and changes no table", async () => {
    const { bundle, db } = await loaded();
    const before = await withTestWarehouse(db, snapshot);
    const report = await ingest(db, bundle);
    expect(report.bundles[0]).toMatchObject({ outcome: "unchanged", filesRead: 0 });
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });

  it("whose files were only touched is read once, found identical by content, and changes no table", async () => {
    const { bundle, db } = await loaded();
    const before = await withTestWarehouse(db, snapshot);
    const file = join(bundle, "members.csv");
    const { atime, mtime } = statSync(file);
    utimesSync(file, atime, new Date(mtime.getTime() + 60_000));
    const report = await ingest(db, bundle);
    expect(report.bundles[0]).toMatchObject({ outcome: "unchanged", filesRead: 6 }); // read and hashed
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });
});
