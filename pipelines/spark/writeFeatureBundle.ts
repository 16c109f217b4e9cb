import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { BundleError } from "../lib/errors.ts";
import { sql } from "../db/sql.ts";
import { MANIFEST_FILE, type FeatureManifest } from "../ingest/readManifest.ts";
import { resolveBundleFile } from "../ingest/resolveBundleFile.ts";
import { FEATURE_TABLES, FEATURES_VERSION } from "../ingest/featureTables.ts";
import type { FeatureWeekPlan } from "./planFeatureWeek.ts";

/** What the Spark job says of one week (stats.json). */
export interface SparkWeekStats {
  week: string;
  failed?: string;
  files: Array<{ path: string; records: number; malformed: number; refused: Record<string, number>; duplicates: number }>;
  seconds: number;
}

/**
 * Turns the Spark job's output for one week into a feature bundle at `target`: the extract's
 * snapshot files copied as delivered, the feature tables' Parquet files under features/, and the
 * manifest written last (a folder without one is incomplete, as for an extract). Every record the
 * extract declared must be accounted for by the job, or no bundle is written.
 */
export async function writeFeatureBundle(
  conn: DuckDBConnection,
  plan: FeatureWeekPlan,
  sparkOut: string,
  target: string,
  engine: string,
): Promise<FeatureManifest> {
  if (!existsSync(join(sparkOut, "stats.json"))) throw new BundleError(`${plan.label}: the Spark job wrote nothing for this week; see its log`);
  const stats = JSON.parse(readFileSync(join(sparkOut, "stats.json"), "utf8")) as SparkWeekStats;
  if (stats.failed) throw new BundleError(`${plan.label}: the Spark job failed on this week (${stats.failed}); see the job's log`);
  const sources = plan.table === null ? plan.files : [{ label: plan.table, rows: stats.files[0]?.records ?? 0 }];
  for (const file of sources) {
    const read = stats.files.find((f) => f.path === file.label);
    if (!read || read.records !== file.rows) {
      throw new BundleError(
        `${plan.label}/${file.label}: manifest says ${file.rows} rows, Spark read ${read?.records ?? 0} ` +
          "(Spark reads one record per line: a line break inside quotes counts twice)",
      );
    }
  }
  const staging = join(dirname(target), `.${plan.label}.partial`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "features"), { recursive: true });
  const files: FeatureManifest["files"] = [];
  for (const entry of plan.manifest.files.filter((f) => f.table !== "cdr")) {
    const to = join(staging, entry.path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(resolveBundleFile(plan.folder, entry.path, plan.label), to);
    files.push({ table: entry.table as FeatureManifest["files"][number]["table"], path: entry.path, rows: entry.rows });
  }
  for (const table of FEATURE_TABLES) {
    const parts = readdirSync(join(sparkOut, table)).filter((f) => f.startsWith("part-") && f.endsWith(".parquet")).sort();
    for (const [k, part] of parts.entries()) {
      const path = `features/${table}-${String(k).padStart(3, "0")}.parquet`;
      renameSync(join(sparkOut, table, part), join(staging, path));
      const [{ rows }] = await sql.query<{ rows: number }>(conn, "select count(*)::integer as rows from read_parquet($path)", { path: join(staging, path) });
      files.push({ table, path, rows });
    }
  }
  const manifest: FeatureManifest = {
    contract: 1,
    kind: "features",
    features: FEATURES_VERSION,
    week: plan.week,
    ...(plan.manifest.generated_at ? { generated_at: plan.manifest.generated_at } : {}),
    encoding: plan.manifest.encoding,
    delimiter: plan.manifest.delimiter,
    source: {
      engine,
      manifest_sha256: plan.manifestSha,
      cdr: sources.map((file) => {
        const read = stats.files.find((f) => f.path === file.label)!;
        return { path: file.label, rows: file.rows, malformed: read.malformed, refused: read.refused, duplicates: read.duplicates };
      }),
    },
    files,
  };
  writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return manifest;
}
