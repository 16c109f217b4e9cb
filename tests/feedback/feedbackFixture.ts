import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { callListLayout as layout } from "../../pipelines/export/callListLayout.ts";
import { loadFeedback, type LoadFeedbackOptions } from "../../pipelines/feedback/loadFeedback.ts";
import type { FeedbackReport } from "../../pipelines/feedback/feedbackReport.ts";
import { rows, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";
import { FIXTURE_KEY, FIXTURE_WEEK, scoredFixtureWarehouse } from "../helpers/scoredFixture.ts";

export const WEEK = FIXTURE_WEEK;

/** The fixture week scored, its lists published and exported by the real path: the warehouse and the call-list folder. */
export async function exportedFixture(): Promise<{ db: string; calls: string }> {
  process.env.CHURNWATCH_PSEUDONYM_KEY = FIXTURE_KEY;
  const { db, root } = await scoredFixtureWarehouse();
  const outDir = join(root, "out");
  await withTestWarehouse(db, (conn) => exportWeek(conn, { db, outDir, loaded: loadConfig(), context: { command: "export", durationsMs: {} } }));
  return { db, calls: join(outDir, WEEK, "calls") };
}

/** A copy of the warehouse, so each test starts from the exported week with nothing returned yet. */
export function copyWarehouse(db: string): string {
  const dir = tempDir("cw-feedback-db-");
  const copy = join(dir, "wh.duckdb");
  copyFileSync(db, copy);
  if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${copy}.wal`);
  return copy;
}

/** An empty folder of returns. */
export function returnsFolder(): string {
  const dir = join(tempDir("cw-returns-"), "returns");
  mkdirSync(dir);
  return dir;
}

export type Fill = Partial<Record<"contact_result" | "outcome" | "competitor" | "competitor_offer" | "note" | "contacted_on" | "group_id" | "person_msisdn" | "week", ExcelJS.CellValue>>;

/** What a manager does to a workbook: fill in (or change) cells of the line of a group and person ('' for a group's own line). */
export interface WorkbookEdit {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  fill(group: string, msisdn: string, values: Fill): number;
}

/** Opens a call-list workbook with exceljs, lets `edit` fill it as a manager would, and saves it as `dest`. */
export async function editWorkbook(src: string, dest: string, edit: (w: WorkbookEdit) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(src);
  const sheet = workbook.getWorksheet(layout.sheetName(WEEK))!;
  const column = (key: string) => {
    let found = 0;
    sheet.getRow(layout.keyRow).eachCell((cell, n) => (cell.value === key ? (found = n) : 0));
    if (!found) throw new Error(`no column ${key}`);
    return found;
  };
  const fill = (group: string, msisdn: string, values: Fill) => {
    for (let r = layout.firstDataRow; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(column("group_id")).value === group && (row.getCell(column("person_msisdn")).value ?? "") === msisdn) {
        for (const [key, value] of Object.entries(values)) row.getCell(column(key)).value = value as ExcelJS.CellValue;
        return r;
      }
    }
    throw new Error(`no line ${group}/${msisdn}`);
  };
  edit({ workbook, sheet, fill });
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/** Loads PATH with the function `run` and the command call, on the warehouse `db`. */
export function load(db: string, path: string, config = testConfig(), options: LoadFeedbackOptions = {}): Promise<FeedbackReport> {
  return withTestWarehouse(db, (conn) => loadFeedback(conn, path, config, options), config);
}

/** The warehouse's returned calls and file bookkeeping, sorted. */
export function stored(db: string): Promise<{ calls: Record<string, unknown>[]; files: Record<string, unknown>[] }> {
  return withTestWarehouse(db, async (conn: DuckDBConnection) => ({
    calls: await rows(conn, "select * exclude (loaded_at) from feedback_calls order by group_id, msisdn nulls first"),
    files: await rows(conn, "select * exclude (loaded_at) from feedback_files order by file_name, sha256"),
  }));
}

export const bytesOf = (path: string) => readFileSync(path);
