import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contractTables } from "../ingest/contractTables.ts";
import { MANIFEST_FILE } from "../ingest/readManifest.ts";
import { openBundleFile } from "./openBundleFile.ts";
import { csvLine } from "./csvLine.ts";
import { cdrColumns } from "./cdrColumns.ts";
import { writeCsvTable, type ManifestFile } from "./writeCsvTable.ts";
import { writeWeekCdr } from "./writeWeekCdr.ts";
import { snapshotTables, type SnapshotTable } from "./snapshotTables.ts";
import type { GeneratorContext } from "./generatorContext.ts";

export interface WeekBundle {
  week: string;
  dir: string;
  files: ManifestFile[];
  cdrRows: number;
  seconds: number;
}

const SNAPSHOT_FILES: ReadonlyArray<[SnapshotTable, string]> = [
  ["groups", "groups.csv"], ["managers", "managers.csv"], ["members", "members.csv"], ["tac", "tac.csv"], ["billing", "billing.csv"],
];

/**
 * Writes the bundle of one week, `out/<YYYY-Www>/`, per the extract contract: the snapshot
 * tables, a CDR file per day, and manifest.json last, once every data file is complete on disk
 * (renamed into place, so a reader never sees a half-written manifest). An existing bundle folder
 * of that week is replaced: its manifest goes first, so it is never complete-looking meanwhile.
 */
export async function writeWeekBundle(ctx: GeneratorContext, weekIndex: number): Promise<WeekBundle> {
  const started = performance.now();
  const { options, calendar } = ctx;
  const week = calendar.weeks[weekIndex];
  const dir = join(options.out, week);
  await rm(join(dir, MANIFEST_FILE), { force: true });
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "cdr"), { recursive: true });

  const files: ManifestFile[] = [];
  const tables = snapshotTables(ctx, weekIndex);
  for (const [table, path] of SNAPSHOT_FILES) {
    files.push(await writeCsvTable(ctx, dir, table, path, contractTables[table].columns, tables[table]()));
  }

  const days = Array.from({ length: 7 }, (_, d) => openBundleFile(ctx, dir, `cdr/cdr_${calendar.dateOf(weekIndex * 7 + d).replace(/-/g, "")}.csv`));
  const writers = days.map((day) => day.writer);
  for (const writer of writers) writer.write(`${csvLine(cdrColumns, options.delimiter)}\n`, 0);
  const cdrRows = await writeWeekCdr(ctx, weekIndex, writers);
  await Promise.all(writers.map((w) => w.close()));
  for (const day of days) files.push({ table: "cdr", path: day.path, rows: day.writer.rows });

  const manifest = {
    contract: 1,
    week,
    generated_at: calendar.generatedAt(weekIndex),
    encoding: options.encoding,
    delimiter: options.delimiter,
    files,
  };
  await writeFile(join(dir, `${MANIFEST_FILE}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(join(dir, `${MANIFEST_FILE}.tmp`), join(dir, MANIFEST_FILE));
  return { week, dir, files, cdrRows, seconds: (performance.now() - started) / 1000 };
}
