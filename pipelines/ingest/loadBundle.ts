import { rmSync, statSync } from "node:fs";
import { join, basename } from "node:path";
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../config/configSchema.ts";
import { BundleError } from "../lib/errors.ts";
import { errorKind } from "../lib/errorKind.ts";
import { printable } from "../lib/printable.ts";
import { addDays, weekStart } from "../lib/isoWeek.ts";
import { readManifest, type Manifest, type FeatureManifest } from "./readManifest.ts";
import { resolveBundleFile } from "./resolveBundleFile.ts";
import { scanSourceFile, type SourceFileScan } from "./scanSourceFile.ts";
import { contractTables, TABLE_NAMES } from "./contractTables.ts";
import { loadSourceGroup, type LoadedFile, type RejectedRecord } from "./loadSourceGroup.ts";
import { removeDuplicateKeys } from "./removeDuplicateKeys.ts";
import { collectRawLines } from "./collectRawLines.ts";
import { SourceFault } from "./sourceFault.ts";
import { tempCopyDirs } from "./tempCopyDirs.ts";
import { sql } from "../db/sql.ts";
import { lowerMemoryForLoad } from "../db/lowerMemoryForLoad.ts";
import { computeWeekFeatures } from "../features/computeWeekFeatures.ts";
import { clearWeekFeatures } from "../features/clearWeekFeatures.ts";
import { loadFeatureFiles, type FeatureFile } from "../features/loadFeatureFiles.ts";
import { FEATURE_TABLES, type FeatureTable } from "./featureTables.ts";
import { hashFile } from "./hashFile.ts";
import { checkHeader } from "./checkHeader.ts";
import { readHeader } from "./readHeader.ts";

export type BundleOutcome = "loaded" | "replaced" | "unchanged" | "failed";

/** What a load did; no personal value in it (privacy.md): safe for logs and run reports. */
export interface BundleReport {
  bundle: string;
  week: string | null;
  outcome: BundleOutcome;
  checksum: string | null;
  message: string | null;
  durationMs: number;
  /** Where the time went: the streaming pass (checksums, counts, GBK), DuckDB's checked load, the duplicate-key test. */
  stagesMs: { scan: number; load: number; duplicates: number };
  /** Files read (0 when the cheap test found the loaded delivery again). */
  filesRead: number;
  rows: Record<string, number>;
  rejects: Array<{ file: string; rows: number; rejected: number; reasons: Record<string, number> }>;
}

interface PlannedFile {
  /** The header, read before the records (the whole scan gives it too; they must agree). */
  header?: string[];
  /** Settles when the Node pass over the file is done (`scan` is then set); rejects with its fault. */
  scanned?: Promise<void>;
  table: (typeof TABLE_NAMES)[number];
  label: string;
  path: string;
  readPath: string;
  gzip: boolean;
  rows: number;
  bytes: number;
  /** Modification time in ns, as text (beyond a double's precision). */
  mtimeNs: string;
  scan?: SourceFileScan;
}

/**
 * Loads one bundle folder whole or not at all (one transaction). The same content again changes
 * nothing; a changed re-delivery of a loaded week replaces that week; an older week is accepted.
 * Whatever goes wrong with this bundle fails this bundle only: it is reported (file, line where
 * known, reason — never a value) and booked in load_runs, and the caller goes on with the next.
 */
export async function loadBundle(
  conn: DuckDBConnection,
  bundleDir: string,
  config: Config,
  log: (line: string) => void,
  tempRoot: string,
): Promise<BundleReport> {
  const started = Date.now();
  const label = printable(basename(bundleDir));
  const report: BundleReport = {
    bundle: label, week: null, outcome: "failed", checksum: null, message: null, durationMs: 0, stagesMs: { scan: 0, load: 0, duplicates: 0 }, filesRead: 0, rows: {}, rejects: [],
  };
  const temp = tempCopyDirs.create(tempRoot);
  let inTransaction = false;
  let restoreMemory = async () => {};
  let current: PlannedFile | null = null; // the file being read, for faults that do not name one
  let scanning: Promise<void> | null = null; // the Node pass, which may outlive a failed read
  try {
    const { manifest, sha256: manifestSha } = readManifest(bundleDir, label);
    report.week = manifest.week;
    const files = planFiles(bundleDir, label, manifest, temp);
    // a feature bundle: its Parquet files stand for the week's records (README, "Feature bundles")
    const features = planFeatureFiles(bundleDir, label, manifest);
    const fileBytes = Object.fromEntries([...files, ...features].map((f) => [f.label, f.bytes]));
    const fileMtimes = Object.fromEntries([...files, ...features].map((f) => [f.label, f.mtimeNs]));

    // The cheap test: the same manifest bytes, and every file the same size and modification
    // time, is the delivery already loaded; nothing is read. Any difference reads every file.
    const previous = await loadedDelivery(conn, manifest.week);
    if (previous && previous.manifestSha === manifestSha && previous.fileBytes === JSON.stringify(fileBytes)
      && previous.fileMtimes === JSON.stringify(fileMtimes)) {
      return finish(report, "unchanged", previous.checksum, started);
    }

    log(`${label}: reading ${files.length} files`);
    // The Node pass (checksum, record count, GBK transcoding) runs while DuckDB reads, file by file
    // in load order, when nothing needs its result first: a UTF-8 bundle of a week not loaded yet
    // (DuckDB reads the delivered files themselves, and no checksum can make it "unchanged").
    // Otherwise every file is scanned before loading, as a GBK file must be (DuckDB reads its copy).
    const overlap = manifest.encoding === "utf-8" && !previous;
    if (overlap) {
      for (const file of files) {
        current = file;
        file.header = await headerFirst(file, manifest);
        checkHeader(`${label}/${file.label}`, file.header, contractTables[file.table].columns);
      }
      current = null;
    }
    scanning = scanInLoadOrder(files, manifest, label, report);
    // a failed pass must not go unhandled while DuckDB reads: it is awaited below and by each read
    scanning.catch(() => {});
    if (!overlap) {
      await scanning;
      for (const file of files) file.header = file.scan!.header;
    }
    for (const file of features) file.sha256 = await hashFile(file.path, `${label}/${file.label}`);
    let checksum: string | null = null;
    if (!overlap) {
      checksum = bundleChecksum(manifest, files, features);
      report.checksum = checksum;
      if (previous && previous.checksum === checksum) return finish(report, "unchanged", checksum, started);
    }

    log(`${label}: loading week ${manifest.week}${previous ? " (replacing the earlier delivery)" : ""}`);
    await sql.script(conn, "raw/value_shapes.sql"); // the check models' shape tests
    restoreMemory = await lowerMemoryForLoad(conn, config.warehouse);
    await sql.exec(conn, "begin transaction");
    inTransaction = true;
    for (const table of TABLE_NAMES) {
      await sql.exec(conn, `delete from ${contractTables[table].rawTable} where week = $week`, { week: manifest.week });
    }
    await sql.exec(conn, "delete from raw_rejects where week = $week", { week: manifest.week });
    await sql.exec(conn, "delete from raw_bundles where week = $week", { week: manifest.week });

    const bounds = {
      week_start: `${weekStart(manifest.week)} 00:00:00`,
      week_end: `${addDays(weekStart(manifest.week), 7)} 00:00:00`,
    };
    const loadedFiles: Array<{ planned: PlannedFile; loaded: LoadedFile }> = [];
    for (const table of TABLE_NAMES.filter((t) => t !== "cdr" || manifest.kind !== "features")) {
      const spec = contractTables[table];
      const groups = groupByHeader(files.filter((f) => f.table === table));
      const loadedGroups: LoadedFile[][] = [];
      for (const group of groups) {
        const loadStarted = Date.now();
        const loaded = await loadSourceGroup(
          conn, spec,
          group,
          { week: manifest.week, delimiter: manifest.delimiter, weekStart: bounds.week_start, weekEnd: bounds.week_end, rejectsKept: config.ingest.rejectsKeptPerFile },
        );
        report.stagesMs.load += Date.now() - loadStarted;
        loadedGroups.push(loaded);
        loaded.forEach((l, i) => loadedFiles.push({ planned: group[i], loaded: l }));
      }
      const duplicatesStarted = Date.now();
      await removeDuplicateKeys(conn, spec, loadedGroups, { week: manifest.week, delim: manifest.delimiter, ...bounds });
      report.stagesMs.duplicates += Date.now() - duplicatesStarted;
      report.rows[table] = 0;
      for (const l of loadedGroups.flat()) {
        report.rows[table] += l.inserted;
        log(`${label}/${l.label}: ${l.inserted} rows${l.rejectCount ? `, ${l.rejectCount} refused` : ""}`);
      }
      if (spec.requiresRows && report.rows[table] === 0) {
        throw new BundleError(
          `${label}/${groups.flat().map((f) => f.label).join(", ")}: no ${table} row loaded (a header only, or every row refused); ` +
          `a week without ${table} would read as every member gone or silent`,
        );
      }
    }

    for (const { planned: file, loaded: { rejectCount: count, rejects: list } } of loadedFiles) {
      const reasons: Record<string, number> = {};
      for (const r of list) {
        const key = r.column ? `${r.column}: ${r.reason}` : r.reason;
        reasons[key] = (reasons[key] ?? 0) + 1;
      }
      report.rejects.push({ file: file.label, rows: file.rows, rejected: count, reasons });
      if (count > config.ingest.rejectLimitShare * file.rows) {
        const shown = [...list].sort((a, b) => a.line - b.line).slice(0, config.ingest.rejectsShownInMessage)
          .map((r) => `line ${r.line}: ${r.column ? `${r.column}: ` : ""}${r.reason}`).join("; ");
        throw new BundleError(
          `${label}/${file.label}: ${count} of ${file.rows} rows refused (${percent(count, file.rows)}, ` +
          `limit ${percent(config.ingest.rejectLimitShare, 1)}): ${shown}`,
        );
      }
      await storeRejects(conn, manifest.week, file, list);
    }

    await scanning; // every file counted and checksummed (long done: DuckDB's read is the slower)
    if (checksum === null) {
      checksum = bundleChecksum(manifest, files, features);
      report.checksum = checksum;
    }

    // The week's usage features: a feature bundle's own files, in its transaction. An extract's are
    // computed from its records right after this transaction commits (below): aggregating the
    // records inside it, still the transaction's own uncommitted rows, took twice as long (a city
    // week: 31 s against 15 s). Until then the week has no features, never the previous
    // delivery's: a process stopped in between leaves a loaded week whose features scoring
    // computes (ensureWeekFeatures), and whose records are never pruned before that. Either kind
    // logs the step's time in one line, which the bench reads.
    const featuresDone = (since: number) => log(`${label}: features ${((performance.now() - since) / 1000).toFixed(1)} s`);
    if (manifest.kind === "features") {
      const featuresStarted = performance.now();
      report.rows.cdr = acceptSourceRecords(label, manifest, report, config);
      const loaded = await loadFeatureFiles(conn, manifest.week, features, label, config.ingest.rejectsShownInMessage);
      Object.assign(report.rows, loaded);
      featuresDone(featuresStarted);
    } else {
      await clearWeekFeatures(conn, manifest.week);
    }

    await sql.exec(conn,
      `insert into raw_bundles (week, checksum, manifest_sha256, file_bytes, file_mtimes, generated_at, loaded_at, rows_by_table)
       values ($week, $checksum, $manifest_sha, $file_bytes::json, $file_mtimes::json, $generated_at, now()::timestamp, $rows::json)`,
      {
        week: manifest.week, checksum, manifest_sha: manifestSha, file_bytes: JSON.stringify(fileBytes),
        file_mtimes: JSON.stringify(fileMtimes), generated_at: manifest.generated_at ?? null, rows: JSON.stringify(report.rows),
      },
    );
    finish(report, previous ? "replaced" : "loaded", checksum, started);
    await recordRun(conn, report, started);
    await sql.exec(conn, "commit");
    inTransaction = false;
    await restoreMemory();
    if (manifest.kind !== "features") {
      const featuresStarted = performance.now();
      try {
        await sql.transaction(conn, () => computeWeekFeatures(conn, manifest.week));
        featuresDone(featuresStarted);
      } catch (e) {
        // the bundle is loaded and stays so; its features are computed when the week is scored
        log(`${label}: features not computed now (${errorKind(e)}): scoring computes them from the loaded records`);
      }
      report.durationMs = Date.now() - started;
    }
    return report;
  } catch (e) {
    if (inTransaction) await sql.exec(conn, "rollback");
    report.message = failureMessage(e, label, current);
    report.rows = {};
    finish(report, "failed", report.checksum, started);
    await recordRun(conn, report, started);
    return report;
  } finally {
    await restoreMemory();
    // a bundle that failed while its files were still being read lets the pass end before the next
    if (scanning) await scanning.catch(() => {});
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The message of a failed bundle. Ours name file, line and reason; a fault of a file's bytes is
 * given the file; anything else (DuckDB, the disk) is named only by its kind, since its own text
 * may quote a line of the file (privacy.md).
 */
function failureMessage(e: unknown, label: string, current: PlannedFile | null): string {
  if (e instanceof BundleError) return e.message;
  if (e instanceof SourceFault) {
    const file = e.file ?? current?.label;
    return `${label}${file ? `/${file}` : ""}: ${e.message}`;
  }
  return `${label}${current ? `/${current.label}` : ""}: unexpected failure while loading (${errorKind(e)}); the warehouse is unchanged`;
}

/**
 * Starts the Node pass over every file, one after another in the order DuckDB loads them (table by
 * table), so the pass over the CDR files runs while DuckDB reads them. Each file's `scanned`
 * settles with its own pass; the promise returned settles when all have.
 */
function scanInLoadOrder(files: PlannedFile[], manifest: Manifest, label: string, report: BundleReport): Promise<void> {
  const ordered = [...files].sort((a, b) => TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table));
  const started = Date.now();
  let previous: Promise<void> = Promise.resolve();
  for (const file of ordered) {
    file.scanned = previous.then(async () => {
      try {
        file.scan = await scanSourceFile(file.path, {
          gzip: file.gzip, encoding: manifest.encoding, delimiter: manifest.delimiter,
          utf8CopyPath: manifest.encoding === "gbk" ? file.readPath : undefined,
        });
      } catch (e) {
        // a fault of the file's bytes is that file's, whenever it is found
        if (e instanceof SourceFault && !e.file) throw new SourceFault(e.reason, e.line, file.label);
        throw e;
      }
      report.filesRead++;
      checkHeader(`${label}/${file.label}`, file.scan.header, contractTables[file.table].columns);
      if (file.header && JSON.stringify(file.header) !== JSON.stringify(file.scan.header)) {
        throw new BundleError(`${label}/${file.label}: the header read twice differs (the file changed while it was read)`);
      }
      if (file.scan.records !== file.rows) {
        throw new BundleError(`${label}/${file.label}: manifest says ${file.rows} rows, the file has ${file.scan.records}`);
      }
    });
    file.scanned.catch(() => {}); // awaited by the read of its table, or through the chain
    previous = file.scanned;
  }
  return previous.then(() => {
    report.stagesMs.scan = Date.now() - started;
  });
}

/**
 * A file's header before its records are read. When it cannot be read, the whole pass over the
 * file says why in its own words (a gzip stream that is not one, a line end it refuses).
 */
async function headerFirst(file: PlannedFile, manifest: Manifest): Promise<string[]> {
  try {
    return await readHeader(file.path, { gzip: file.gzip, encoding: manifest.encoding, delimiter: manifest.delimiter });
  } catch (e) {
    await scanSourceFile(file.path, { gzip: file.gzip, encoding: manifest.encoding, delimiter: manifest.delimiter });
    throw e;
  }
}

function planFiles(bundleDir: string, label: string, manifest: Manifest, temp: string): PlannedFile[] {
  return manifest.files.flatMap((entry, i) => {
    if (!isContractTable(entry.table)) return [];
    const path = resolveBundleFile(bundleDir, entry.path, label);
    const gzip = entry.path.endsWith(".gz");
    // DuckDB reads only UTF-8: a GBK file is read through its transcoded copy.
    const readPath = manifest.encoding === "gbk" ? join(temp, `${i}.csv`) : path;
    const stat = statSync(path, { bigint: true });
    return [{ table: entry.table, label: entry.path, path, readPath, gzip, rows: entry.rows, bytes: Number(stat.size), mtimeNs: String(stat.mtimeNs) }];
  });
}

function isContractTable(table: string): table is PlannedFile["table"] {
  return (TABLE_NAMES as readonly string[]).includes(table);
}

interface PlannedFeatureFile extends FeatureFile {
  bytes: number;
  mtimeNs: string;
  sha256?: string;
}

function planFeatureFiles(bundleDir: string, label: string, manifest: Manifest): PlannedFeatureFile[] {
  if (manifest.kind !== "features") return [];
  return manifest.files.flatMap((entry) => {
    if (!(FEATURE_TABLES as readonly string[]).includes(entry.table)) return [];
    const path = resolveBundleFile(bundleDir, entry.path, label);
    const stat = statSync(path, { bigint: true });
    return [{ table: entry.table as FeatureTable, label: entry.path, path, rows: entry.rows, bytes: Number(stat.size), mtimeNs: String(stat.mtimeNs) }];
  });
}

/**
 * A feature bundle's account of the week's records (manifest `source.cdr`): each file's refused
 * records go into the run report and count against the same limit as a raw bundle's (the engine
 * that refused them names no line: a refused record is described by column and reason only).
 * Returns the records behind the features.
 */
function acceptSourceRecords(label: string, manifest: FeatureManifest, report: BundleReport, config: Config): number {
  let accepted = 0;
  for (const file of manifest.source.cdr) {
    const reasons: Record<string, number> = {};
    for (const [rule, n] of Object.entries(file.refused) as Array<[string, number]>) {
      const [column, reason] = rule.split("|");
      const key = reason === undefined ? rule : `${column}: ${reason}`;
      reasons[key] = (reasons[key] ?? 0) + n;
    }
    if (file.malformed > 0) reasons["fewer or more fields than the header"] = file.malformed;
    if (file.duplicates > 0) reasons["record_id: duplicate key"] = file.duplicates;
    const refused = Object.values(reasons).reduce((a, b) => a + b, 0);
    report.rejects.push({ file: file.path, rows: file.rows, rejected: refused, reasons });
    if (refused > config.ingest.rejectLimitShare * file.rows) {
      const shown = Object.entries(reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, config.ingest.rejectsShownInMessage).map(([reason, n]) => `${n} × ${reason}`).join("; ");
      throw new BundleError(
        `${label}/manifest.json: source file ${file.path}: ${refused} of ${file.rows} rows refused (${percent(refused, file.rows)}, ` +
          `limit ${percent(config.ingest.rejectLimitShare, 1)}): ${shown}`,
      );
    }
    accepted += file.rows - refused;
  }
  return accepted;
}

/** Files of one table that share a header, in manifest order: each group is one DuckDB read. */
function groupByHeader(files: PlannedFile[]): PlannedFile[][] {
  const groups = new Map<string, PlannedFile[]>();
  for (const f of files) {
    const key = JSON.stringify(f.header);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

/** Content checksum: the contract fields of the manifest and every file's sha256 (not generated_at). */
function bundleChecksum(manifest: Manifest, files: PlannedFile[], features: PlannedFeatureFile[]): string {
  const content = {
    contract: manifest.contract, week: manifest.week, encoding: manifest.encoding, delimiter: manifest.delimiter,
    files: files.map((f) => ({ table: f.table, path: f.label, rows: f.rows, sha256: f.scan!.sha256 }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    // a raw bundle's checksum stays what it always was; a feature bundle's adds what is its own
    ...(manifest.kind === "features"
      ? {
        kind: manifest.kind, features: manifest.features, source: manifest.source,
        feature_files: features.map((f) => ({ table: f.table, path: f.label, rows: f.rows, sha256: f.sha256 }))
          .sort((a, b) => a.path.localeCompare(b.path)),
      }
      : {}),
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

async function loadedDelivery(conn: DuckDBConnection, week: string) {
  const rows = await sql.queryJS<{ checksum: string; manifest_sha256: string; file_bytes: string; file_mtimes: string | null }>(conn,
    "select checksum, manifest_sha256, file_bytes::varchar as file_bytes, file_mtimes::varchar as file_mtimes from raw_bundles where week = $week",
    { week });
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    checksum: row.checksum,
    manifestSha: row.manifest_sha256,
    fileBytes: JSON.stringify(JSON.parse(row.file_bytes)),
    fileMtimes: row.file_mtimes === null ? null : JSON.stringify(JSON.parse(row.file_mtimes)),
  };
}

async function storeRejects(conn: DuckDBConnection, week: string, file: PlannedFile, list: RejectedRecord[]): Promise<void> {
  if (list.length === 0) return;
  const missing = new Set(list.filter((r) => r.rawLine === null).map((r) => r.line));
  const raw = await collectRawLines(file.readPath, file.gzip && file.readPath === file.path, missing);
  await sql.exec(conn,
    `insert into raw_rejects
     select $week, $file, r.line, r.column_name, r.reason, r.raw_line
     from (select unnest($rejects::json::struct(line bigint, column_name varchar, reason varchar, raw_line varchar)[]) as r)`,
    {
      week, file: file.label,
      rejects: JSON.stringify(list.map((r) => ({ line: r.line, column_name: r.column, reason: r.reason, raw_line: r.rawLine ?? raw.get(r.line) ?? null }))),
    },
  );
}

async function recordRun(conn: DuckDBConnection, report: BundleReport, started: number): Promise<void> {
  await sql.exec(conn,
    `insert into load_runs values (to_timestamp($started / 1000)::timestamp, now()::timestamp, $bundle, $week, $checksum, $outcome, $message, $duration, $report::json)`,
    {
      started, bundle: report.bundle, week: report.week, checksum: report.checksum, outcome: report.outcome,
      message: report.message, duration: report.durationMs, report: JSON.stringify({ rows: report.rows, rejects: report.rejects }),
    },
  );
}

function finish(report: BundleReport, outcome: BundleOutcome, checksum: string | null, started: number): BundleReport {
  report.outcome = outcome;
  report.checksum = checksum;
  report.durationMs = Date.now() - started;
  return report;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(2)} %`;
}
