import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { managerFileName } from "../../pipelines/export/managerFileName.ts";
import { callListColumns } from "../../pipelines/export/callListColumns.ts";
import { callListLayout as layout } from "../../pipelines/export/callListLayout.ts";
import { contactedOnWindow } from "../../pipelines/export/contactedOnWindow.ts";
import { feedbackColumns } from "../../pipelines/export/feedbackColumns.ts";
import { labelOf } from "../../pipelines/export/workbookColumn.ts";
import { workbookColumns } from "../../pipelines/export/workbookColumns.ts";
import { FIXTURE_WEEK, fixtureTables } from "../helpers/scoredFixture.ts";
import { exportFixture, readCsv, readWorkbook } from "./exportFixture.ts";

const A4 = 9;
const ASCII_LETTERS = /[A-Za-z]/;

let dir: string;
let files: string[];
const books = new Map<string, ExcelJS.Workbook>();
const listSheet = (file: string) => books.get(file)!.getWorksheet(layout.sheetName(FIXTURE_WEEK))!;
const texts = (row: ExcelJS.Row) => workbookColumns.map((_, i) => row.getCell(i + 1).value);
const shown = (key: string, code: string) => labelOf(workbookColumns.find((c) => c.key === key)!, code) ?? code;

beforeAll(async () => {
  dir = await exportFixture();
  files = listFiles(join(dir, "calls")).filter((f) => f.endsWith(".xlsx"));
  for (const f of files) books.set(f, await readWorkbook(join(dir, "calls", f)));
});

describe("the call-list workbook is for people", () => {
  it("has the list sheet, then 使用说明, then the very-hidden info sheet saying whose list it is", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const book = books.get(f)!;
      expect(book.worksheets.map((s) => s.name)).toEqual([layout.sheetName(FIXTURE_WEEK), layout.howToUseSheetName, layout.infoSheetName]);
      expect(book.worksheets.map((s) => s.state)).toEqual(["visible", "visible", "veryHidden"]);
      const info = book.getWorksheet(layout.infoSheetName)!;
      const [[idKey, managerId], week] = info.getSheetValues().slice(1).map((r) => (r as string[]).slice(1));
      expect([idKey, managerFileName(managerId)]).toEqual(["manager_id", f.replace(/\.xlsx$/, "")]);
      expect(week).toEqual(["week", FIXTURE_WEEK]);
    }
  });

  it("heads the list in Chinese over a hidden row of the contract's keys, frozen, with a filter", () => {
    for (const f of files) {
      const sheet = listSheet(f);
      expect(texts(sheet.getRow(layout.keyRow))).toEqual(workbookColumns.map((c) => c.key));
      expect(sheet.getRow(layout.keyRow).hidden).toBe(true);
      expect(texts(sheet.getRow(layout.headerRow))).toEqual(workbookColumns.map((c) => c.header));
      expect(sheet.getRow(layout.headerRow).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: layout.headerRow });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it("shows the CSV's lines in the same order, codes as Chinese labels, numbers as text, wrapped", () => {
    for (const f of files) {
      const sheet = listSheet(f);
      const [header, ...lines] = readCsv(join(dir, "calls", f.replace(/\.xlsx$/, ".csv")));
      expect(header).toEqual(callListColumns.map((c) => c.key));
      expect(sheet.rowCount).toBe(layout.firstDataRow - 1 + lines.length);
      lines.forEach((line, i) => {
        const row = sheet.getRow(layout.firstDataRow + i);
        const expected = line.map((value, j) => shown(header[j], value));
        expect(callListColumns.map((_, j) => String(row.getCell(j + 1).value ?? ""))).toEqual(expected);
        expect(feedbackColumns.map((_, j) => row.getCell(callListColumns.length + j + 1).value)).toEqual(feedbackColumns.map(() => null));
        if (line[header.indexOf("person_msisdn")]) expect(typeof row.getCell(header.indexOf("person_msisdn") + 1).value).toBe("string"); // all 11 digits kept
        expect(row.getCell(header.indexOf("reason") + 1).alignment?.wrapText).toBe(true);
      });
    }
    const first = listSheet("M01.xlsx").getRow(layout.firstDataRow);
    expect([first.getCell(6).value, first.getCell(7).value]).toEqual(["高", "最高决策者"]);
  });

  it("offers each line's feedback cells as drop-downs of the Chinese labels, and a date within the week and four after", () => {
    const { first, last } = contactedOnWindow(FIXTURE_WEEK);
    for (const f of files) {
      const sheet = listSheet(f);
      const lines = sheet.rowCount - layout.firstDataRow + 1;
      for (let r = layout.firstDataRow; r < layout.firstDataRow + lines; r++) {
        feedbackColumns.forEach((column, j) => {
          const cell = sheet.getRow(r).getCell(callListColumns.length + j + 1);
          const rule = cell.dataValidation;
          if (column.input === "list") {
            expect(rule, column.key).toMatchObject({ type: "list", allowBlank: true, showErrorMessage: true });
            expect(rule.formulae, column.key).toEqual([`"${column.values.map((v) => v.label).join(",")}"`]);
          } else if (column.input === "date") {
            expect(rule).toMatchObject({ type: "date", operator: "between", allowBlank: true, showErrorMessage: true });
            expect(rule.formulae.map((d: Date) => d.toISOString().slice(0, 10))).toEqual([first, last]);
            expect(cell.numFmt).toBe("yyyy-mm-dd");
          } else {
            expect(rule, column.key).toBeUndefined();
            expect(cell.numFmt, column.key).toBe("@"); // what the manager types stays text
          }
        });
      }
      expect(sheet.getRow(layout.firstDataRow + lines).getCell(callListColumns.length + 1).dataValidation).toBeUndefined();
    }
  });

  it("prints on A4 landscape, one page wide, the header row on every page", () => {
    for (const f of files) {
      expect(listSheet(f).pageSetup).toMatchObject({
        paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
        printTitlesRow: `${layout.headerRow}:${layout.headerRow}`,
      });
      expect(books.get(f)!.getWorksheet(layout.howToUseSheetName)!.pageSetup).toMatchObject({ paperSize: A4, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it("explains every column, its values, the 保密 rule and how to return the list on 使用说明", () => {
    const help = books.get("M01.xlsx")!.getWorksheet(layout.howToUseSheetName)!;
    const rows = new Map<string, string>();
    help.eachRow((row) => rows.set(String(row.getCell(1).value ?? ""), String(row.getCell(2).value ?? "")));
    for (const column of workbookColumns) {
      expect(rows.get(column.header), column.header).toBeTruthy();
      for (const value of column.values ?? []) expect(rows.get(column.header), column.header).toContain(value.label);
    }
    expect(rows.get("保密")).toMatch(/只供您本人参考.*切勿透露/);
    expect(rows.get("交回")).toContain("隐藏的第 1 行");
    const window = contactedOnWindow(FIXTURE_WEEK);
    expect(rows.get("联系日期")).toContain(`${window.first} 至 ${window.last}`);
  });
});

describe("the code↔label table", () => {
  it("gives every coded column unique codes and unique plain-Chinese labels, none with a comma (an inline drop-down list)", () => {
    for (const column of workbookColumns.filter((c) => c.values)) {
      const codes = column.values!.map((v) => v.code);
      const labels = column.values!.map((v) => v.label);
      expect(new Set(codes).size, column.key).toBe(codes.length);
      expect(new Set(labels).size, column.key).toBe(labels.length);
      for (const label of labels) expect(label, column.key).not.toMatch(/[,，]|[A-Za-z]/);
    }
    for (const column of workbookColumns) expect(column.header, column.key).not.toMatch(ASCII_LETTERS);
  });

  it("has outputs.md's feedback codes and a label for every role a member can have", () => {
    const codes = (key: string) => workbookColumns.find((c) => c.key === key)!.values!.map((v) => v.code);
    expect(codes("contact_result")).toEqual(["reached", "not_reached", "refused"]);
    expect(codes("outcome")).toEqual(["stable", "at_risk", "retained", "lost"]);
    expect(codes("competitor")).toEqual(["CU", "CT", "none", "unknown"]);
    expect(codes("tier")).toEqual(["high", "medium", "low"]);
    for (const role of new Set(fixtureTables().members.map((m) => String(m.role)))) expect(codes("person_role")).toContain(role);
    expect(feedbackColumns.map((c) => c.key)).toEqual(["contact_result", "outcome", "competitor", "competitor_offer", "note", "contacted_on"]);
  });
});
