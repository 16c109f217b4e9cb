import { join } from "node:path";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { withTestWarehouse } from "../helpers/warehouse.ts";
import { FIXTURE_KEY, FIXTURE_WEEK, fixtureTables, scoredFixtureWarehouse, type FixtureOptions } from "../helpers/scoredFixture.ts";

/** The fixture week (optionally with other group names) scored and exported by the real path; its folder. */
export async function exportFixture(options: FixtureOptions = {}): Promise<string> {
  process.env.CHURNWATCH_PSEUDONYM_KEY = FIXTURE_KEY;
  const { db, root } = await scoredFixtureWarehouse(fixtureTables(FIXTURE_WEEK, options));
  const outDir = join(root, "out");
  await withTestWarehouse(db, (conn) => exportWeek(conn, { db, outDir, loaded: loadConfig(), context: { command: "export", durationsMs: {} } }));
  return join(outDir, FIXTURE_WEEK);
}

export const readCsv = (path: string): string[][] => parseCsv(readFileSync(path, "utf8"));

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const bytes = readFileSync(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  return workbook;
}
