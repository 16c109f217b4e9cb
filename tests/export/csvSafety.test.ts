import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { toCsv } from "../../pipelines/export/toCsv.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { callListLayout } from "../../pipelines/export/callListLayout.ts";
import { workbookColumns } from "../../pipelines/export/workbookColumns.ts";
import { exportFixture, readCsv, readWorkbook } from "./exportFixture.ts";

const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const cells = (bytes: Buffer) => parseCsv(bytes.toString("utf8"))[1];

describe("CSV writer: formula injection (OWASP)", () => {
  it.each(["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "-", FORMULA_NAME])("neutralises a text cell starting %j with a single quote", (text) => {
    expect(cells(toCsv(["a"], [[text]]))).toEqual([`'${text}`]);
  });

  it("leaves numbers numbers: typed, and the plain text of one (DuckDB's DECIMAL and BIGINT)", () => {
    expect(cells(toCsv(["a", "b", "c", "d"], [[-0.35, "-12.5", "-3", "+7"]]))).toEqual(["-0.35", "-12.5", "-3", "+7"]);
  });

  it("leaves text that only contains those characters later, and empty cells, alone", () => {
    expect(cells(toCsv(["a", "b", "c"], [["近3个月月均话费128元，本月62元（-52%）", "a=b", null]]))).toEqual(["近3个月月均话费128元，本月62元（-52%）", "a=b", ""]);
  });
});

describe("a group named =HYPERLINK(…), through the real export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await exportFixture({ groupNames: { G001: FORMULA_NAME } });
  });

  it("is neutralised in every CSV that carries it", () => {
    const csvs = listFiles(dir).filter((f) => f.endsWith(".csv"));
    const carrying = csvs.filter((f) => readFileSync(join(dir, f), "utf8").includes("HYPERLINK"));
    expect(carrying).toEqual(["at_risk_groups.csv", "calls/M01.csv"]);
    for (const file of carrying) {
      const [header, ...rows] = readCsv(join(dir, file));
      const names = rows.filter((r) => r[header.indexOf("group_id")] === "G001").map((r) => r[header.indexOf("group_name")]);
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) expect(name, file).toBe(`'${FORMULA_NAME}`);
    }
    // No other cell of any CSV starts a formula.
    for (const file of csvs) for (const field of readCsv(join(dir, file)).flat()) expect(field, file).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it("is a text cell in the workbook, shown as written (no quote added), never a formula", async () => {
    const workbook = await readWorkbook(join(dir, "calls", "M01.xlsx"));
    const sheet = workbook.getWorksheet(callListLayout.sheetName("2026-W47"))!;
    const cell = sheet.getRow(callListLayout.firstDataRow).getCell(workbookColumns.findIndex((c) => c.key === "group_name") + 1);
    expect(cell.value).toBe(FORMULA_NAME);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe("@");
  });
});
