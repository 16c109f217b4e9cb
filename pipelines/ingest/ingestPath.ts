import { existsSync, statSync, mkdirSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { UsageError } from "../lib/errors.ts";
import { printable } from "../lib/printable.ts";
import { sql } from "../db/sql.ts";
import { loadBundle, type BundleReport } from "./loadBundle.ts";
import { manifestOrNull } from "./readManifest.ts";
import { chooseDeliveries } from "./chooseDeliveries.ts";
import { listBundleFolders } from "./listBundleFolders.ts";
import { tempCopyDirs } from "./tempCopyDirs.ts";

export interface IngestReport {
  bundles: BundleReport[];
  /** Folders passed over, with why (no manifest yet: still being delivered; another delivery of the week wins). */
  skipped: Array<{ bundle: string; reason: string }>;
  durationMs: number;
}

export interface IngestOptions {
  log?: (line: string) => void;
  /** Where GBK files are transcoded for DuckDB; owner-only, emptied after each bundle. */
  tempDir: string;
}

/**
 * Loads one bundle folder, or every complete bundle under an extracts root, oldest week first;
 * of several folders for one week, the latest delivery (chooseDeliveries). A bundle that fails is
 * reported and leaves the warehouse as it was; the others still load.
 */
export async function ingestPath(
  conn: DuckDBConnection,
  path: string,
  config: Config,
  options: IngestOptions,
): Promise<IngestReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${printable(path)}: not a folder`);
  mkdirSync(options.tempDir, { recursive: true, mode: 0o700 });
  const leftovers = tempCopyDirs.removeStale(options.tempDir);
  if (leftovers > 0) log(`removed ${leftovers} folder(s) of temporary GBK copies left by an interrupted load`);
  const report: IngestReport = { bundles: [], skipped: [], durationMs: 0 };

  const found = listBundleFolders(path);
  for (const skip of found.skipped) {
    report.skipped.push(skip);
    log(`${skip.bundle}: skipped, ${skip.reason}`);
  }
  const folders = found.folders;
  const loadedAt = new Map((await sql.query<{ week: string; generated_at: string | null }>(conn, "select week, generated_at from raw_bundles"))
    .map((r) => [r.week, r.generated_at]));
  const choice = chooseDeliveries(folders.map((folder) => ({ folder, manifest: manifestOrNull(folder) })), loadedAt);
  for (const skip of choice.skipped) {
    report.skipped.push(skip);
    log(`${skip.bundle}: skipped, ${skip.reason}`);
  }
  for (const folder of choice.chosen) {
    const result = await loadBundle(conn, folder, config, log, options.tempDir);
    report.bundles.push(result);
    log(`${result.bundle}: ${result.outcome}${result.message ? ` — ${result.message}` : ""} (${(result.durationMs / 1000).toFixed(1)} s)`);
  }
  report.durationMs = Date.now() - started;
  return report;
}
