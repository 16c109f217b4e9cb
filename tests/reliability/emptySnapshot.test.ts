import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";
import { ingest, tempDir } from "../helpers/warehouse.ts";
import { contractTables } from "../../pipelines/ingest/contractTables.ts";

const header = (table: keyof typeof contractTables) => [...contractTables[table].columns];

// Promise: a week is loaded only whole. A members file with its header alone would score a week in
// which every member is gone and warn for every group (issue 13, finding 8); bills and handset
// models only add to earlier deliveries, so a week may bring none.

const W47 = "2026-W47";

describe("a snapshot with no rows", () => {
  it.each([
    ["members", "members.csv"],
    ["groups", "groups.csv"],
    ["managers", "managers.csv"],
    ["cdr", "cdr/cdr_20261116.csv"],
  ] as const)("fails the bundle when %s has its header only", async (table, file) => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47, tables: { [table]: [] }, columns: { [table]: header(table) } });
    const db = join(root, "wh.duckdb");
    const report = await ingest(db, bundle);
    expect(report.bundles[0]).toMatchObject({ outcome: "failed" });
    await expectIngestInvariant(db, bundle, report, await rawState(db));
    expect(report.bundles[0].message).toContain(`${W47}/${file}: `);
  });

  it("names the rule: no row loaded, and why a week needs them", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47, tables: { members: [] }, columns: { members: header("members") } });
    const report = await ingest(join(root, "wh.duckdb"), bundle);
    expect(report.bundles[0].message).toBe(
      `${W47}/members.csv: no members row loaded (a header only, or every row refused); a week without members would read as every member gone or silent`,
    );
  });

  it("loads a week that brings no bills and no handset models", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), {
      week: W47, tables: { billing: [], tac: [] },
      columns: { billing: header("billing"), tac: header("tac") },
    });
    const db = join(root, "wh.duckdb");
    const report = await ingest(db, bundle);
    expect(report.bundles[0].outcome).toBe("loaded");
    await expectIngestInvariant(db, bundle, report, new Map());
  });
});
