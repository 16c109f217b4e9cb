import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { callListLayout } from "../../pipelines/export/callListLayout.ts";
import { contactedOnWindow } from "../../pipelines/export/contactedOnWindow.ts";
import { feedbackColumns } from "../../pipelines/export/feedbackColumns.ts";
import { labelOf } from "../../pipelines/export/workbookColumn.ts";
import { workbookColumns } from "../../pipelines/export/workbookColumns.ts";
import { tempDir } from "../helpers/warehouse.ts";
import { FIXTURE_WEEK } from "../helpers/scoredFixture.ts";
import { exportFixture, readCsv } from "./exportFixture.ts";
import { convertWithLibreOffice } from "./libreOffice.ts";
import { readFlatOds, type OdsSheet } from "./flatOds.ts";

// A group name a spreadsheet would run as a formula if it were written as one.
const FORMULA_NAME = '=HYPERLINK("http://x","y")';
// LibreOffice's CSV export: comma, double quote, UTF-8, …, token 12 = -1: every sheet, one file each.
const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const A4_MM = { long: 297, short: 210 };
const MM_PER = { in: 25.4, cm: 10, mm: 1 } as const;
// Spreadsheet dates are days since 1899-12-30; 25569 is 1970-01-01.
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

const mm = (length: string) => {
  const m = /^([\d.]+)(in|cm|mm)$/.exec(length);
  if (!m) throw new Error(`not a length: ${length}`);
  return Number(m[1]) * MM_PER[m[2] as keyof typeof MM_PER];
};
const serialDate = (serial: string) => new Date((Number(serial) - UNIX_EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
const listItems = (rule: string | undefined) => /cell-content-is-in-list\((.*)\)/.exec(rule ?? "")?.[1].split(";").map((s) => s.replace(/^"|"$/g, ""));

let calls: string[][];
let sheets: OdsSheet[];
let csvSheets: Map<string, string[][]>;

beforeAll(async () => {
  const dir = await exportFixture({ groupNames: { G001: FORMULA_NAME } });
  const workbook = join(dir, "calls", "M01.xlsx");
  calls = readCsv(join(dir, "calls", "M01.csv"));
  const out = tempDir("cw-lo-out-");
  const [fods] = convertWithLibreOffice(workbook, "fods", out);
  sheets = readFlatOds(readFileSync(fods, "utf8"));
  const csvOut = tempDir("cw-lo-csv-");
  // One file per sheet, named <workbook>-<sheet>.csv.
  csvSheets = new Map(convertWithLibreOffice(workbook, CSV_EVERY_SHEET, csvOut).map((f) => [f.slice(f.lastIndexOf("-", f.length - 1 - "使用说明.csv".length) + 1).replace(/\.csv$/, ""), parseCsv(readFileSync(f, "utf8"))]));
}, 600_000);

describe("the call-list workbook, opened by LibreOffice", () => {
  it("reads the two sheets (and the hidden info sheet), the hidden key row and the Chinese header, in that order", () => {
    expect(sheets.map((s) => s.name)).toEqual([callListLayout.sheetName(FIXTURE_WEEK), callListLayout.howToUseSheetName, callListLayout.infoSheetName]);
    const [list] = sheets;
    const keys = list.rows[callListLayout.keyRow - 1];
    const header = list.rows[callListLayout.headerRow - 1];
    expect(keys.hidden).toBe(true);
    expect(keys.cells.slice(0, workbookColumns.length).map((c) => c.text)).toEqual(workbookColumns.map((c) => c.key));
    expect(header.hidden).toBe(false);
    expect(header.cells.slice(0, workbookColumns.length).map((c) => c.text)).toEqual(workbookColumns.map((c) => c.header));
  });

  it("converts to CSV with the Chinese header and the codes shown as Chinese labels, line for line as the list's CSV", () => {
    const [keys, header, ...data] = csvSheets.get(callListLayout.sheetName(FIXTURE_WEEK))!;
    expect(keys).toEqual(workbookColumns.map((c) => c.key));
    expect(header).toEqual(workbookColumns.map((c) => c.header));
    const [csvHeader, ...lines] = calls;
    expect(data).toHaveLength(lines.length);
    // The CSV neutralises a would-be formula with a leading quote; the workbook holds it as text instead.
    const unquoted = (value: string) => value.replace(/^'(?=[=+\-@\t\r])/, "");
    const shown = (key: string, value: string) => labelOf(workbookColumns.find((c) => c.key === key)!, value) ?? unquoted(value);
    data.forEach((row, i) => {
      expect(row.slice(0, csvHeader.length)).toEqual(lines[i].map((value, j) => shown(csvHeader[j], value)));
      expect(row.slice(csvHeader.length)).toEqual(feedbackColumns.map(() => ""));
    });
    expect(data[0].slice(5, 7)).toEqual(["高", "最高决策者"]);
  });

  it("keeps =HYPERLINK(…) in a group name as text: shown as typed, never run (a formula would show its result, y)", () => {
    const [, , first] = csvSheets.get(callListLayout.sheetName(FIXTURE_WEEK))!;
    expect(first[workbookColumns.findIndex((c) => c.key === "group_name")]).toBe(FORMULA_NAME);
    const [list] = sheets;
    const cell = list.rows[callListLayout.firstDataRow - 1].cells[workbookColumns.findIndex((c) => c.key === "group_name")];
    expect(cell).toMatchObject({ text: FORMULA_NAME, type: "string" });
    expect(sheets.flatMap((s) => s.rows.flatMap((r) => r.cells)).filter((c) => c.formula)).toEqual([]);
  });

  it("offers drop-downs of the Chinese labels and a date range in every line's feedback cells", () => {
    const [list] = sheets;
    const lines = list.rows.slice(callListLayout.firstDataRow - 1).filter((r) => r.cells.some((c) => c.text !== ""));
    expect(lines).toHaveLength(calls.length - 1);
    const { first, last } = contactedOnWindow(FIXTURE_WEEK);
    for (const line of lines) {
      workbookColumns.forEach((column, i) => {
        const rule = line.cells[i].validation;
        if (column.input === "list") expect(listItems(rule), column.key).toEqual(column.values!.map((v) => v.label));
        else if (column.input === "date") {
          const between = /cell-content-is-date\(\) and cell-content-is-between\((\d+),(\d+)\)/.exec(rule ?? "");
          expect(between?.slice(1).map(serialDate), column.key).toEqual([first, last]);
        } else expect(rule, column.key).toBeUndefined();
      });
    }
    // Outside the list's lines nothing is validated: the manager cannot add lines the job would not know.
    const below = list.rows.slice(callListLayout.firstDataRow - 1 + lines.length);
    expect(below.flatMap((r) => r.cells).some((c) => c.validation)).toBe(false);
  });

  it("prints the list on A4 landscape, one page wide, the header row repeated on every page", () => {
    const [list, help] = sheets;
    expect(list.page["style:print-orientation"]).toBe("landscape");
    expect(mm(list.page["fo:page-width"])).toBeCloseTo(A4_MM.long, 0);
    expect(mm(list.page["fo:page-height"])).toBeCloseTo(A4_MM.short, 0);
    // Fit to one page across; no scale-to-Y: as many pages down as the lines need.
    expect(list.page["style:scale-to-X"]).toBe("1");
    expect(list.page["style:scale-to-Y"]).toBeUndefined();
    const repeated = list.rows.flatMap((r, i) => (r.repeatedOnEveryPage ? [i + 1] : []));
    expect(repeated).toEqual([callListLayout.headerRow]);
    expect(mm(help.page["fo:page-width"])).toBeCloseTo(A4_MM.short, 0);
    expect(help.page["style:scale-to-X"]).toBe("1");
  });

  it("reads the 使用说明 sheet: every column explained, and the 保密 rule", () => {
    const help = csvSheets.get(callListLayout.howToUseSheetName)!;
    const explained = new Map(help.map(([term, text]) => [term, text]));
    for (const column of workbookColumns) expect(explained.get(column.header), column.header).toBeTruthy();
    expect(explained.get("保密")).toContain("切勿透露");
  });
});
