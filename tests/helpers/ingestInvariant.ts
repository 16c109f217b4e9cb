import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { listValue } from "@duckdb/node-api";
import { contractTables, TABLE_NAMES } from "../../pipelines/ingest/contractTables.ts";
import type { IngestReport } from "../../pipelines/ingest/ingestPath.ts";
import { rows, withTestWarehouse } from "./warehouse.ts";

/** Every loaded table's rows, per week, as one comparable text: what a failed bundle must not change. */
export type RawState = Map<string, string>;

const WEEK_TABLES = [...TABLE_NAMES.map((t) => contractTables[t].rawTable), "raw_rejects", "raw_bundles"];

/** The warehouse's loaded rows per week (empty when there is no warehouse yet). */
export async function rawState(db: string): Promise<RawState> {
  const state: RawState = new Map();
  if (!existsSync(db)) return state;
  await withTestWarehouse(db, async (conn) => {
    const byWeek = new Map<string, string[]>();
    for (const table of WEEK_TABLES) {
      // loaded_at is when, not what: a week loaded again at another time holds the same delivery.
      const data = await rows(conn, `select * exclude (${table === "raw_bundles" ? "loaded_at" : "week"}), week as week_ from ${table}`);
      for (const row of data) {
        const week = String(row.week_);
        const lines = byWeek.get(week) ?? [];
        lines.push(`${table} ${JSON.stringify(row)}`);
        byWeek.set(week, lines);
      }
    }
    for (const [week, lines] of byWeek) state.set(week, lines.sort().join("\n"));
  });
  return state;
}

/**
 * The loader's promise, checked after an ingest of `path` (a bundle folder or an extracts root):
 * - every row a loaded bundle's manifest declares is in its warehouse table or in raw_rejects
 *   (per table: rows loaded + rows refused = rows declared), and the report says as much;
 * - a bundle that failed changed nothing (all or nothing): only the weeks of bundles that loaded
 *   differ from `before`, and the failure is booked in load_runs with its message.
 */
export async function expectIngestInvariant(db: string, path: string, report: IngestReport, before: RawState): Promise<void> {
  const after = await rawState(db);
  const changedWeeks = [...new Set([...before.keys(), ...after.keys()])].filter((w) => before.get(w) !== after.get(w));
  const loadedWeeks = report.bundles.filter((b) => b.outcome === "loaded" || b.outcome === "replaced").map((b) => b.week);
  expect(changedWeeks.filter((w) => !loadedWeeks.includes(w)), "weeks changed by bundles that did not load").toEqual([]);

  await withTestWarehouse(db, async (conn) => {
    for (const bundle of report.bundles) {
      if (bundle.outcome === "failed") {
        expect(bundle.message, `${bundle.bundle}: a failure says why`).toBeTruthy();
        const booked = await rows(conn, "select count(*)::int as n from load_runs where bundle = $bundle and outcome = 'failed' and message = $message",
          { bundle: bundle.bundle, message: bundle.message });
        expect(booked, `${bundle.bundle}: the failure is in load_runs`).toEqual([{ n: 1 }]);
        continue;
      }
      const folder = existsSync(join(path, "manifest.json")) ? path : join(path, bundle.bundle);
      const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as {
        week: string; files: Array<{ table: (typeof TABLE_NAMES)[number]; path: string; rows: number }>;
      };
      for (const table of TABLE_NAMES) {
        const files = manifest.files.filter((f) => f.table === table);
        const declared = files.reduce((sum, f) => sum + f.rows, 0);
        const [{ n: loaded }] = await rows(conn, `select count(*)::int as n from ${contractTables[table].rawTable} where week = $week`, { week: manifest.week });
        const [{ n: refused }] = await rows(conn, "select count(*)::int as n from raw_rejects where week = $week and list_contains($files, file)",
          { week: manifest.week, files: listValue(files.map((f) => f.path)) });
        expect(Number(loaded) + Number(refused), `${bundle.bundle} ${table}: rows loaded + refused = rows declared`).toBe(declared);
        if (bundle.outcome !== "unchanged") {
          expect(bundle.rows[table], `${bundle.bundle} ${table}: the report's rows`).toBe(Number(loaded));
          const reported = bundle.rejects.filter((r) => files.some((f) => f.path === r.file)).reduce((sum, r) => sum + r.rejected, 0);
          expect(reported, `${bundle.bundle} ${table}: the report's rejects`).toBe(Number(refused));
        }
      }
    }
  });
}
