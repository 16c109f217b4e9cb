import { openBundleFile } from "./openBundleFile.ts";
import { csvLine, type CsvValue } from "./csvLine.ts";
import type { GeneratorContext } from "./generatorContext.ts";

export interface ManifestFile {
  table: string;
  path: string;
  rows: number;
}

/**
 * Writes one table's file in a bundle (header with the contract's column names, then a record per
 * row, in the run's encoding, delimiter and compression) and returns its manifest entry.
 */
export async function writeCsvTable(
  ctx: GeneratorContext,
  bundleDir: string,
  table: string,
  path: string,
  columns: readonly string[],
  rows: Iterable<Record<string, CsvValue>>,
): Promise<ManifestFile> {
  const { delimiter } = ctx.options;
  const file = openBundleFile(ctx, bundleDir, path);
  file.writer.write(`${csvLine(columns, delimiter)}\n`, 0);
  for (const row of rows) {
    file.writer.write(`${csvLine(columns.map((c) => row[c] ?? null), delimiter)}\n`, 1);
    if (file.writer.full) await file.writer.flush();
  }
  await file.writer.close();
  return { table, path: file.path, rows: file.writer.rows };
}
