/**
 * The Spark figures of `npm run bench` (issue 16): the feature stage of one week on Spark local[2]
 * against DuckDB's on the same bundle, and what the server then pays to load the feature bundle.
 * Each is the real command line (`churnwatch features`, `churnwatch ingest`) in its own process, as
 * every bench phase (measureChild): peak RSS by GNU time, for Spark the JVM's (its largest process).
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { findSparkSubmit } from "../spark/findSparkSubmit.ts";
import { measureChild } from "./measureChild.ts";

/** One churnwatch command line in its own process, timed as every bench phase is; its --json report. */
async function timed(argv: string[]): Promise<{ seconds: number; peakRssMb: number; report: any }> {
  const result = await measureChild("cli", { argv: [...argv, "--json"] });
  return { seconds: result.seconds, peakRssMb: result.peakRssMb, report: JSON.parse(result.stdout) };
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
}

/**
 * Times, on the week's extract bundle `bundle`: Spark's feature stage (the whole command: JVM start,
 * CSV read, the check, the roll-up, Parquet written, the bundle assembled); DuckDB's way to the same
 * features (`ingest` of the extract: parse, check, store, features); and `ingest` of the feature bundle.
 */
export async function benchSpark(bundle: string, work: string, line: (label: string, value: string) => void): Promise<void> {
  const spark = findSparkSubmit();
  if (spark.path === null) {
    line("spark: feature stage", `skipped: ${spark.why}`);
    return;
  }
  rmSync(work, { recursive: true, force: true });
  const out = join(work, "feature-bundles");
  const week = bundle.split(/[\\/]/).filter(Boolean).pop()!;
  const sparkRun = await timed(["features", "--engine", "spark", bundle, "--out", out]);
  const report = sparkRun.report.features as { sparkMs: number; bundles: Array<{ records: number }> };
  const duckdb = await timed(["ingest", bundle, "--db", join(work, "extract.duckdb")]);
  const fromFeatures = await timed(["ingest", join(out, week), "--db", join(work, "features.duckdb")]);
  const records = report.bundles[0].records;
  line("spark: records of the week", records.toLocaleString("en"));
  line(`spark ${spark.version} local[2]: features command`, `${sparkRun.seconds.toFixed(1)} s (Spark job ${(report.sparkMs / 1000).toFixed(1)} s, JVM start included), peak RSS ${sparkRun.peakRssMb} MB`);
  line("duckdb: ingest of the extract (with features)", `${duckdb.seconds.toFixed(1)} s, peak RSS ${duckdb.peakRssMb} MB`);
  line("spark / duckdb", `${(sparkRun.seconds / duckdb.seconds).toFixed(2)} ×`);
  line("duckdb: ingest of the feature bundle", `${fromFeatures.seconds.toFixed(1)} s, peak RSS ${fromFeatures.peakRssMb} MB`);
  line("extract bundle → feature bundle", `${(folderBytes(bundle) / 1e6).toFixed(0)} MB → ${(folderBytes(join(out, week)) / 1e6).toFixed(0)} MB`);
  const size = (f: string) => statSync(f).size / 1e6;
  line("warehouse after one week: extract / feature bundle", `${size(join(work, "extract.duckdb")).toFixed(0)} MB / ${size(join(work, "features.duckdb")).toFixed(0)} MB`);
}
