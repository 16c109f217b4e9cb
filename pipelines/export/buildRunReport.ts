import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import type { IngestReport } from "../ingest/ingestPath.ts";
import { sql } from "../db/sql.ts";

/** What the invocation did before the export, for the report (no personal value in any of it). */
export interface RunContext {
  command: "run" | "export" | "start";
  /** This run's loads; absent when only `export` ran. */
  ingest?: IngestReport;
  /** Weeks this run (re)scored, and the ones that failed with why. */
  weeksScored?: string[];
  weeksFailed?: Array<{ week: string; message: string }>;
  /** Milliseconds per finished stage; the export's own time is added by the exporter. */
  durationsMs: Record<string, number>;
}

export interface ExportedFile {
  path: string;
  rows: number;
  sha256: string;
}

function bundleSummary(ingest: IngestReport | undefined) {
  if (!ingest) return null;
  const by = (outcome: string) => ingest.bundles.filter((b) => b.outcome === outcome);
  return {
    loaded: by("loaded").map((b) => ({ bundle: b.bundle, week: b.week, rows: b.rows })),
    replaced: by("replaced").map((b) => ({ bundle: b.bundle, week: b.week, rows: b.rows })),
    unchanged: by("unchanged").map((b) => b.bundle),
    skipped: ingest.skipped,
    failed: by("failed").map((b) => ({ bundle: b.bundle, week: b.week, message: b.message })),
    rejects_per_file: ingest.bundles.flatMap((b) => b.rejects.filter((r) => r.rejected > 0).map((r) => ({ bundle: b.bundle, ...r }))),
  };
}

/**
 * run_report.json of an export: this run's bundles (loaded, replaced, unchanged, skipped, failed),
 * the week's delivery with its rejects per file, rows per table, signal and tier counts, the files
 * written, the thresholds in force (the whole effective configuration and its hash), and durations
 * per stage. Counts, names, reasons and hashes only: no personal value (privacy.md).
 */
export async function buildRunReport(
  conn: DuckDBConnection,
  week: string,
  loaded: LoadedConfig,
  context: RunContext,
  files: ExportedFile[],
): Promise<object> {
  const summary = await sql.rows<{ section: string; name: string; n: number }>(conn, "exports/week_summary.sql", { week });
  const section = (name: string) => Object.fromEntries(summary.filter((r) => r.section === name).map((r) => [r.name, Number(r.n)]));
  const [delivery] = await sql.rows<Record<string, string>>(conn, "exports/week_delivery.sql", { week });
  const deliveryReport = delivery ? (JSON.parse(delivery.report) as { rows: Record<string, number>; rejects: unknown[] }) : null;
  return {
    contract: 1,
    week,
    command: context.command,
    config_hash: loaded.hash,
    bundles: bundleSummary(context.ingest),
    weeks_scored: context.weeksScored ?? [],
    weeks_failed: context.weeksFailed ?? [],
    delivery: delivery
      ? { bundle: delivery.bundle, checksum: delivery.checksum, outcome: delivery.outcome, rows: deliveryReport?.rows ?? {}, rejects_per_file: deliveryReport?.rejects ?? [] }
      : null,
    rows_per_table: section("table"),
    signal_counts: { members: section("member_signal"), groups: section("group_signal") },
    tiers: section("tier"),
    files,
    thresholds: loaded.config,
    durations_ms: context.durationsMs,
  };
}
