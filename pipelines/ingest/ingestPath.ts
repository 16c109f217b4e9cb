import { existsSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, basename } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { UsageError } from "../lib/errors.ts";
import { loadBundle, type BundleReport } from "./loadBundle.ts";
import { MANIFEST_FILE, readManifest } from "./readManifest.ts";

export interface IngestReport {
  bundles: BundleReport[];
  /** Folders passed over, with why (no manifest yet: still being delivered). */
  skipped: Array<{ bundle: string; reason: string }>;
  durationMs: number;
}

export interface IngestOptions {
  log?: (line: string) => void;
  /** Where GBK files are transcoded for DuckDB; owner-only, emptied after each bundle. */
  tempDir: string;
}

/**
 * Loads one bundle folder, or every complete bundle under an extracts root, oldest week first.
 * A bundle that fails is reported and leaves the warehouse as it was; the others still load.
 */
export async function ingestPath(
  conn: DuckDBConnection,
  path: string,
  config: Config,
  options: IngestOptions,
): Promise<IngestReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${path}: not a folder`);
  mkdirSync(options.tempDir, { recursive: true, mode: 0o700 });
  const report: IngestReport = { bundles: [], skipped: [], durationMs: 0 };

  let folders: string[];
  if (existsSync(join(path, MANIFEST_FILE))) {
    folders = [path];
  } else {
    const children = readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(path, d.name))
      .sort();
    folders = [];
    for (const folder of children) {
      if (existsSync(join(folder, MANIFEST_FILE))) folders.push(folder);
      else {
        report.skipped.push({ bundle: basename(folder), reason: "no manifest.json (incomplete bundle)" });
        log(`${basename(folder)}: skipped, no manifest.json yet (incomplete bundle)`);
      }
    }
    folders = sortByWeek(folders);
  }
  for (const folder of folders) {
    const result = await loadBundle(conn, folder, config, log, options.tempDir);
    report.bundles.push(result);
    log(`${result.bundle}: ${result.outcome}${result.message ? ` — ${result.message}` : ""} (${(result.durationMs / 1000).toFixed(1)} s)`);
  }
  report.durationMs = Date.now() - started;
  return report;
}

/** Oldest week first; a folder whose manifest cannot be read sorts last and fails on its own. */
function sortByWeek(folders: string[]): string[] {
  const weekOf = (folder: string): string => {
    try {
      return readManifest(folder, basename(folder)).manifest.week;
    } catch {
      return "\uffff";
    }
  };
  return folders
    .map((folder) => ({ folder, week: weekOf(folder) }))
    .sort((a, b) => (a.week === b.week ? a.folder.localeCompare(b.folder) : a.week < b.week ? -1 : 1))
    .map((x) => x.folder);
}
