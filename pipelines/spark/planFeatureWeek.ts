import { basename } from "node:path";
import { BundleError } from "../lib/errors.ts";
import { printable } from "../lib/printable.ts";
import { addDays, weekStart } from "../lib/isoWeek.ts";
import { readManifest, type ExtractManifest } from "../ingest/readManifest.ts";
import { resolveBundleFile } from "../ingest/resolveBundleFile.ts";
import { contractTables } from "../ingest/contractTables.ts";
import { checkHeader } from "../ingest/checkHeader.ts";
import { SourceFault } from "../ingest/sourceFault.ts";
import { readHeader } from "../ingest/readHeader.ts";

/** What the Spark job reads of one source bundle (pipelines/spark/features_job.py). */
export interface FeatureWeekPlan {
  folder: string;
  label: string;
  week: string;
  manifest: ExtractManifest;
  manifestSha: string;
  weekStart: string;
  weekEnd: string;
  /** The CDR files in read order (the DuckDB loader's: manifest order within files sharing a header). */
  files: Array<{ label: string; path: string; header: string[]; encoding: string; delimiter: string; rows: number }>;
  /** Or: the table the week's records are read from (`--cdr-table`), its rows where week = W. */
  table: string | null;
}

/**
 * Plans one extract bundle for the Spark job: its manifest validated as `churnwatch ingest` would,
 * every file confined to the bundle, each CDR file's header read and checked. A fault is a
 * BundleError naming the file, as ingest's.
 */
export async function planFeatureWeek(folder: string, cdrTable: string | null = null): Promise<FeatureWeekPlan> {
  const label = printable(basename(folder));
  const { manifest, sha256 } = readManifest(folder, label, { cdrFromTable: cdrTable !== null });
  if (manifest.kind === "features") throw new BundleError(`${label}: already a feature bundle; give the extract bundle it came from`);
  // every file confined (and a regular file) before any is read; each resolved once
  const paths = new Map(manifest.files.map((entry) => [entry.path, resolveBundleFile(folder, entry.path, label)]));
  if (cdrTable !== null && manifest.files.some((f) => f.table === "cdr")) {
    throw new BundleError(`${label}/manifest.json: lists CDR files, and --cdr-table names a table for them: give one or the other`);
  }
  const cdr = manifest.files.filter((f) => f.table === "cdr");
  const files: FeatureWeekPlan["files"] = [];
  for (const entry of cdr) {
    const path = paths.get(entry.path)!;
    const where = `${label}/${printable(entry.path)}`;
    let header: string[];
    try {
      header = await readHeader(path, { gzip: entry.path.endsWith(".gz"), encoding: manifest.encoding, delimiter: manifest.delimiter });
    } catch (e) {
      if (e instanceof SourceFault) throw new BundleError(`${where}: ${e.message}`);
      throw e;
    }
    checkHeader(where, header, contractTables.cdr.columns);
    files.push({
      label: entry.path, path, header, rows: entry.rows, delimiter: manifest.delimiter,
      // Spark (Java) names GBK's superset as the contract reads it
      encoding: manifest.encoding === "gbk" ? "GB18030" : "UTF-8",
    });
  }
  // DuckDB reads the files of one header together, groups in order of their first file
  const order = [...new Set(files.map((f) => JSON.stringify(f.header)))];
  files.sort((a, b) => order.indexOf(JSON.stringify(a.header)) - order.indexOf(JSON.stringify(b.header)));
  return {
    folder, label, week: manifest.week, manifest, manifestSha: sha256, files, table: cdrTable,
    weekStart: `${weekStart(manifest.week)} 00:00:00`,
    weekEnd: `${addDays(weekStart(manifest.week), 7)} 00:00:00`,
  };
}
