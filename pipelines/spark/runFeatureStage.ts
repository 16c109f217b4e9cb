import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { BundleError, UsageError } from "../lib/errors.ts";
import { errorKind } from "../lib/errorKind.ts";
import { printable } from "../lib/printable.ts";
import { listBundleFolders } from "../ingest/listBundleFolders.ts";
import { chooseDeliveries } from "../ingest/chooseDeliveries.ts";
import { manifestOrNull } from "../ingest/readManifest.ts";
import { contractTables } from "../ingest/contractTables.ts";
import { findSparkSubmit } from "./findSparkSubmit.ts";
import { planFeatureWeek, type FeatureWeekPlan } from "./planFeatureWeek.ts";
import { toSparkModel } from "./toSparkSql.ts";
import { writeFeatureBundle } from "./writeFeatureBundle.ts";

const JOB = fileURLToPath(new URL("./features_job.py", import.meta.url));

export interface FeatureStageReport {
  engine: string;
  master: string;
  bundles: Array<{ bundle: string; week: string | null; outcome: "written" | "failed"; message: string | null; records: number; out: string | null }>;
  skipped: Array<{ bundle: string; reason: string }>;
  /** The Spark job's own time (JVM start included), and the whole command's. */
  sparkMs: number;
  durationMs: number;
}

/**
 * `churnwatch features --engine spark`: the feature stage of every extract bundle at SOURCE, run as
 * one Spark job (spark-submit of features_job.py), each week written to OUT/<bundle> as a feature
 * bundle that `churnwatch ingest` loads in place of the extract. One week's fault fails that week
 * only. The SQL is the DuckDB stage's own, translated (toSparkSql.ts).
 */
export async function runFeatureStage(
  source: string,
  out: string,
  config: Config,
  options: { master?: string; cdrTable?: string; log: (line: string) => void },
): Promise<FeatureStageReport> {
  const started = Date.now();
  if (!existsSync(source) || !statSync(source).isDirectory()) throw new UsageError(`${printable(source)}: not a folder`);
  const spark = findSparkSubmit();
  if (spark.path === null) throw new UsageError(`Spark is not available here: ${spark.why}`);
  const master = options.master ?? config.spark.master;
  const cdrTable = options.cdrTable ?? null;
  if (cdrTable !== null && !isTableName(cdrTable)) {
    throw new UsageError(`--cdr-table ${printable(cdrTable)}: give a table as db.table, or a Parquet dataset as parquet.\`/path\``);
  }
  const engine = `spark ${spark.version}`;
  const report: FeatureStageReport = { engine, master, bundles: [], skipped: [], sparkMs: 0, durationMs: 0 };

  const found = listBundleFolders(source);
  report.skipped.push(...found.skipped);
  const choice = chooseDeliveries(found.folders.map((folder) => ({ folder, manifest: manifestOrNull(folder) })), new Map());
  report.skipped.push(...choice.skipped);
  const plans: FeatureWeekPlan[] = [];
  for (const folder of choice.chosen) {
    try {
      plans.push(await planFeatureWeek(folder, cdrTable));
    } catch (e) {
      report.bundles.push(failed(folder, null, e));
    }
  }
  for (const skip of report.skipped) options.log(`${skip.bundle}: skipped, ${skip.reason}`);
  if (plans.length === 0) return finish(report, started);

  mkdirSync(out, { recursive: true });
  // absolute: on a cluster a relative path would be the job user's home on the cluster file system
  const work = resolve(out, `.spark-work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const planFile = join(work, "plan.json");
    writeFileSync(planFile, JSON.stringify({
      conf: {
        // the warehouse's times are local wall-clock times without a zone, as DuckDB's timestamp
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.timestampType": "TIMESTAMP_NTZ",
        "spark.sql.shuffle.partitions": String(config.spark.shufflePartitions),
        // a malformed record is only seen when every column is parsed
        "spark.sql.csv.parser.columnPruning.enabled": "false",
        "spark.ui.enabled": "false",
        // Spark makes its (empty) table warehouse in the current folder unless told where
        "spark.sql.warehouse.dir": join(work, "spark-warehouse"),
        // Spark 4 reads only the UTF charsets unless told: GBK extracts are GB18030 (Java's charset)
        "spark.sql.legacy.javaCharsets": "true",
        ...Object.fromEntries(config.spark.conf.map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)])),
      },
      cdrColumns: contractTables.cdr.columns,
      check: toSparkModel("raw/check_cdr.sql"),
      tables: [toSparkModel("features/feat_member_contact.sql"), toSparkModel("features/feat_member_handset.sql")],
      filesPerTable: config.spark.filesPerTable,
      weeks: plans.map((p) => ({
        week: p.week, out: join(work, p.week), weekStart: p.weekStart, weekEnd: p.weekEnd, table: p.table,
        files: p.files.map((f) => ({ label: f.label, path: resolve(f.path), header: f.header, encoding: f.encoding, delimiter: f.delimiter })),
      })),
    }));
    for (const p of plans) mkdirSync(join(work, p.week), { recursive: true });
    options.log(`${engine} on ${master}: ${plans.length} week(s)`);
    const sparkStarted = Date.now();
    await submit(spark.path, master, config, planFile, join(out, "spark-features.log"), options.log);
    report.sparkMs = Date.now() - sparkStarted;

    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      for (const plan of plans) {
        const target = join(out, plan.label);
        try {
          const manifest = await writeFeatureBundle(conn, plan, join(work, plan.week), target, engine);
          const records = manifest.source.cdr.reduce((n, f) => n + f.rows, 0);
          report.bundles.push({ bundle: plan.label, week: plan.week, outcome: "written", message: null, records, out: target });
          options.log(`${plan.label}: feature bundle written (${records} records)`);
        } catch (e) {
          report.bundles.push(failed(plan.folder, plan.week, e));
        }
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const b of report.bundles.filter((x) => x.outcome === "failed")) options.log(`${b.bundle}: failed — ${b.message}`);
  return finish(report, started);
}

/** Runs the job; its full log goes to `logFile`, our own lines (no personal value) to `log`. */
async function submit(sparkSubmit: string, master: string, config: Config, planFile: string, logFile: string, log: (line: string) => void): Promise<void> {
  const file = createWriteStream(logFile, { mode: 0o600 });
  const child = spawn(sparkSubmit, ["--master", master, "--driver-memory", config.spark.driverMemory, "--conf", "spark.ui.enabled=false", JOB, planFile], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PYSPARK_PYTHON: process.env.CHURNWATCH_PYTHON ?? "python3" },
  });
  let pending = "";
  child.stdout.pipe(file, { end: false });
  child.stderr.on("data", (chunk: Buffer) => {
    file.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith("churnwatch spark: ")) log(line.slice("churnwatch spark: ".length));
  });
  const code = await new Promise<number>((done, fail) => {
    child.on("error", fail);
    child.on("close", (c) => done(c ?? 1));
  });
  await new Promise((done) => file.end(done));
  // a failed week is reported by its stats.json; another exit code means the job itself broke
  if (code !== 0 && code !== 1) throw new BundleError(`the Spark job stopped (exit ${code}); its log is ${logFile}`);
}

/**
 * A table the job may read the records from: a catalog name (`cdr`, `db.cdr`, Hive's or any
 * catalog's), or a file dataset as Spark SQL names one (parquet.`/data/cdr`). It is placed in the
 * job's SQL, so nothing else passes: no quote, space or semicolon outside the path's backticks.
 */
function isTableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/.test(name) || /^(parquet|orc)\.`[^`\u0000-\u001f]+`$/.test(name);
}

function failed(folder: string, week: string | null, e: unknown): FeatureStageReport["bundles"][number] {
  const message = e instanceof BundleError ? e.message : `unexpected failure (${errorKind(e)})`;
  return { bundle: printable(folder.split(/[\\/]/).pop() ?? folder), week, outcome: "failed", message, records: 0, out: null };
}

function finish(report: FeatureStageReport, started: number): FeatureStageReport {
  report.durationMs = Date.now() - started;
  return report;
}
