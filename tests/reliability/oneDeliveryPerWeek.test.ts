import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { mkdirSync, renameSync } from "node:fs";
import { defaultTables, writeBundle } from "../helpers/bundleFixture.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";
import { ingest, rows, snapshot, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

// Promise: of two folders holding one week, the delivery the manifest says was generated last is
// loaded, whatever the folders are called; a tie is decided the same way on every run and
// reported; a second run changes nothing (issue 13, finding 4: each run replaced the week twice).

const W47 = "2026-W47";
const FIRST = "2026-11-23T03:10:00+08:00";
const LATER = "2026-11-24T09:00:00+08:00";

/** A W47 delivery in `extracts/<folder>` whose members hold only the first `members` rows. */
function delivery(extracts: string, folder: string, generatedAt: string, members: number): string {
  const dir = writeBundle(join(extracts, "..", `staging-${folder}`), {
    week: W47, tables: { members: defaultTables(W47).members.slice(0, members) },
    editManifest: (m) => { m.generated_at = generatedAt; },
  });
  const target = join(extracts, folder);
  mkdirSync(extracts, { recursive: true });
  renameSync(dir, target);
  return target;
}

async function members(db: string): Promise<number> {
  return withTestWarehouse(db, async (conn) => Number((await rows(conn, "select count(*)::int as n from raw_members"))[0].n));
}

describe("two folders for one week", () => {
  it("loads the later generated_at, not the folder sorting last, and a second run changes nothing", async () => {
    const root = tempDir();
    const extracts = join(root, "extracts");
    delivery(extracts, "2026-W47", FIRST, 4); // the first delivery
    delivery(extracts, "2026-W47 correction", LATER, 3); // sorts after it
    delivery(extracts, "0-resent", LATER.replace("09:00", "10:00"), 2); // sorts first, generated last
    const db = join(root, "wh.duckdb");

    const before = await rawState(db);
    const first = await ingest(db, extracts);
    await expectIngestInvariant(db, extracts, first, before);
    expect(first.bundles.map((b) => [b.bundle, b.outcome])).toEqual([["0-resent", "loaded"]]);
    expect(first.skipped).toEqual([
      { bundle: "2026-W47 correction", reason: expect.stringMatching(/^week 2026-W47 superseded by 0-resent \(generated_at 2026-11-24T10:00/) },
      { bundle: "2026-W47", reason: expect.stringMatching(/^week 2026-W47 superseded by 0-resent/) },
    ]);
    expect(await members(db)).toBe(2);

    const loaded = await withTestWarehouse(db, snapshot);
    const second = await ingest(db, extracts);
    expect(second.bundles.map((b) => [b.bundle, b.outcome])).toEqual([["0-resent", "unchanged"]]);
    expect(await withTestWarehouse(db, snapshot)).toEqual(loaded);
  });

  it("decides a tie of generated_at the same way every run, and says so", async () => {
    const root = tempDir();
    const extracts = join(root, "extracts");
    delivery(extracts, "b", FIRST, 4);
    delivery(extracts, "a", FIRST, 3);
    const db = join(root, "wh.duckdb");
    const first = await ingest(db, extracts);
    expect(first.bundles.map((b) => [b.bundle, b.outcome])).toEqual([["b", "loaded"]]);
    expect(first.skipped).toEqual([{
      bundle: "a",
      reason: "week 2026-W47 also in b with the same generated_at (2026-11-23T03:10:00+08:00): b is loaded, its folder name sorting last; give a correction a later generated_at",
    }]);
    const loaded = await withTestWarehouse(db, snapshot);
    const second = await ingest(db, extracts);
    expect(second.bundles.map((b) => [b.bundle, b.outcome])).toEqual([["b", "unchanged"]]);
    expect(await withTestWarehouse(db, snapshot)).toEqual(loaded);
  });

  it("never lets an older delivery left in the root undo a loaded correction", async () => {
    const root = tempDir();
    const db = join(root, "wh.duckdb");
    await ingest(db, delivery(join(root, "inbox"), "fix", LATER, 3));
    const extracts = join(root, "extracts");
    delivery(extracts, "2026-W47", FIRST, 4);
    const before = await rawState(db);
    const report = await ingest(db, extracts);
    expect(report.bundles).toEqual([]);
    expect(report.skipped).toEqual([{
      bundle: "2026-W47",
      reason: "week 2026-W47 is loaded from a later delivery (generated_at 2026-11-24T09:00:00+08:00, this one 2026-11-23T03:10:00+08:00)",
    }]);
    expect(await rawState(db)).toEqual(before);
    expect(await members(db)).toBe(3);
  });
});
