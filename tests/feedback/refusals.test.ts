import { describe, it, expect, beforeAll } from "vitest";
import { copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { callListLayout as layout } from "../../pipelines/export/callListLayout.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { toCsv } from "../../pipelines/export/toCsv.ts";
import type { FeedbackReport } from "../../pipelines/feedback/feedbackReport.ts";
import { resolveReturnFile } from "../../pipelines/feedback/resolveReturnFile.ts";
import { runCli } from "../helpers/runCli.ts";
import { snapshot, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";
import { copyWarehouse, editWorkbook, exportedFixture, load, returnsFolder, stored, type Fill } from "./feedbackFixture.ts";

const NOTE = "客户私下说月底转电信，千万保密";
let base: { db: string; calls: string };

beforeAll(async () => {
  base = await exportedFixture();
});

/**
 * Loads `path` and expects it refused: nothing of it stored, the message naming file, row, column
 * and reason, and none of `secrets` (the offending values, free text) in the message, the report or
 * feedback_files.
 */
async function expectRefused(path: string, message: RegExp, secrets: string[] = [], config = testConfig()): Promise<FeedbackReport> {
  const db = copyWarehouse(base.db);
  const report = await load(db, path, config);
  expect(report.outcome).toBe("refused");
  const [file] = report.files;
  expect(file.outcome).toBe("refused");
  expect(file.message).toMatch(message);
  const { calls, files } = await stored(db);
  expect(calls).toEqual([]);
  expect(files).toEqual([expect.objectContaining({ outcome: "refused", rows: 0, message: file.message })]);
  for (const secret of [...secrets, NOTE]) {
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(JSON.stringify(files)).not.toContain(secret);
  }
  return report;
}

/** M01's workbook with a good call on row 3 (with private free text), changed by `fill` as given, saved as `name`. */
function m01(name: string, fill: Fill = {}, line: [string, string] = ["G001", "13800000001"]) {
  return editWorkbook(join(base.calls, "M01.xlsx"), join(returnsFolder(), name), (w) => {
    w.fill("G003", "13800000012", { contact_result: "已联系", note: NOTE, contacted_on: "2026-11-25" });
    w.fill(line[0], line[1], { contact_result: "已联系", ...fill });
  });
}

describe("feedback refuses a row that does not belong to the file's list", () => {
  it("a group of another manager's list (a file speaks only for its own manager)", async () => {
    await expectRefused(await m01("M01.xlsx", { group_id: "G002", person_msisdn: "13800000013" }),
      /^M01\.xlsx: refused, nothing of it loaded — row 3, column group_id \(集团编号, column D\): a group of another manager's list/, ["13800000013", "G002"]);
  });

  it("an unknown group", async () => {
    await expectRefused(await m01("M01.xlsx", { group_id: "G999" }), /row 3, column group_id \(集团编号, column D\): unknown group: not on the week's call list/, ["G999"]);
  });

  it("an unknown person (not on the group's lines), and a group's own line that the list does not have", async () => {
    await expectRefused(await m01("M01.xlsx", { person_msisdn: "13899999999" }), /row 3, column person_msisdn \(联系号码, column H\): unknown person/, ["13899999999"]);
    await expectRefused(await m01("M01.xlsx", { person_msisdn: null }), /row 3, column person_msisdn \(联系号码, column H\): required: the list has no line for this group without a person/);
  });

  it("an unknown week: the info sheet's, or a line of another week", async () => {
    const file = await editWorkbook(join(base.calls, "M01.xlsx"), join(returnsFolder(), "M01.xlsx"), ({ workbook, fill }) => {
      fill("G001", "13800000001", { contact_result: "已联系" });
      workbook.getWorksheet(layout.infoSheetName)!.getRow(2).getCell(2).value = "2026-W30";
    });
    await expectRefused(file, /M01\.xlsx: refused, nothing of it loaded — column week \(sheet 清单信息\): unknown week: no call list was published for it/, ["2026-W30"]);
    await expectRefused(await m01("M01.xlsx", { week: "2026-W46" }), /row 3, column week \(预警周, column A\): another week than the list's/, ["2026-W46"]);
  });

  it("the same call twice in one file", async () => {
    const [header, ...lines] = parseCsv(readFileSync(join(base.calls, "M02.csv"), "utf8"));
    const file = join(returnsFolder(), "M02.csv");
    writeFileSync(file, toCsv([...header, "contact_result"], [[...lines[0], "reached"], [...lines[1], ""], [...lines[0], "not_reached"]]));
    await expectRefused(file, /row 4, column person_msisdn: the same call as row 2/);
  });
});

describe("feedback refuses a value the drop-downs or the list's weeks do not allow", () => {
  it("a value outside a drop-down list, naming the allowed ones but never the value", async () => {
    await expectRefused(await m01("M01.xlsx", { outcome: "挽回了" }),
      /row 3, column outcome \(结果, column M\): not one of the drop-down values \(稳定, 有离网意向, 已挽留, 已流失, or their codes\)/, ["挽回了"]);
    await expectRefused(await m01("M01.xlsx", { competitor: "移动" }), /row 3, column competitor \(竞争对手, column N\): not one of the drop-down values/, ["移动"]);
  });

  it("a contacted_on date outside the list's week and the four after it, or not a date", async () => {
    const window = /a date outside the list's weeks \(2026-11-16 to 2026-12-20\)/;
    await expectRefused(await m01("M01.xlsx", { contacted_on: new Date(Date.UTC(2027, 0, 5)) }), new RegExp(`row 3, column contacted_on \\(联系日期, column Q\\): ${window.source}`), ["2027-01-05"]);
    await expectRefused(await m01("M01.xlsx", { contacted_on: "2026-11-15" }), window, ["2026-11-15"]);
    await expectRefused(await m01("M01.xlsx", { contacted_on: "下周二" }), /row 3, column contacted_on \(联系日期, column Q\): not a date \(YYYY-MM-DD\)/, ["下周二"]);
    await expectRefused(await m01("M01.xlsx", { contacted_on: "2026-11-31" }), /not a date/);
  });

  it("lists every problem of a file (row by row), and loads none of its good lines", async () => {
    const file = await editWorkbook(join(base.calls, "M01.xlsx"), join(returnsFolder(), "M01.xlsx"), ({ fill }) => {
      fill("G001", "13800000001", { contact_result: "打过了", note: NOTE });
      fill("G003", "13800000012", { contact_result: "已联系" });
      fill("G006", "", { outcome: "不好说", contacted_on: "2026-10-01" });
    });
    const report = await expectRefused(file, /row 3, column contact_result \(联系结果, column L\): not one of .*; row 8, column outcome \(结果, column M\): not one of .*; row 8, column contacted_on \(联系日期, column Q\): a date outside/, ["打过了", "不好说", "2026-10-01"]);
    expect(report.files[0].problems.map((p) => p.row)).toEqual([3, 8, 8]);
  });
});

describe("feedback refuses a file that is not a call list it can read", () => {
  it("bytes that are not what the name says: not a workbook, an old .xls, a workbook named .csv, binary, another kind of file", async () => {
    const folder = returnsFolder();
    const write = (name: string, bytes: Buffer | string) => (writeFileSync(join(folder, name), bytes), join(folder, name));
    await expectRefused(write("M01.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj"), /^M01\.xlsx: refused, nothing of it loaded — not a workbook: named \.xlsx, but its content is not one$/);
    await expectRefused(write("M01-old.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])), /an old Excel \(\.xls\)/);
    await expectRefused(write("M01.csv", readFileSync(join(base.calls, "M01.xlsx"))), /not a CSV: named \.csv, but its content is a zip/);
    await expectRefused(write("M02.csv", Buffer.from([0x77, 0x65, 0x65, 0x6b, 0x00, 0x01, 0x02])), /not a CSV: named \.csv, but its content is binary/);
    await expectRefused(write("M01.pdf", "%PDF-1.7"), /not a workbook \(\.xlsx\) or CSV \(\.csv\)/);
    await expectRefused(write("M01-zip.xlsx", Buffer.from("PK\x03\x04 truncated")), /not a workbook/);
  });

  it("a file above feedback.maxFileBytes, a workbook unpacking above feedback.maxUnpackedBytes, a list above feedback.maxRows", async () => {
    const file = await m01("M01.xlsx");
    await expectRefused(file, /^M01\.xlsx: refused, nothing of it loaded — \d+ bytes, above feedback\.maxFileBytes \(1000\): not a call list$/, [], testConfig({ feedback: { maxFileBytes: 1000 } }));
    await expectRefused(file, /unpacks to more than feedback\.maxUnpackedBytes \(20000 bytes\)/, [], testConfig({ feedback: { maxUnpackedBytes: 20_000 } }));
    await expectRefused(file, /9 lines, above feedback\.maxRows \(5\): not a call list/, [], testConfig({ feedback: { maxRows: 5 } }));
  });

  it("a workbook that cannot tell whose list it is, or says two things", async () => {
    const dropInfo = (name: string) => editWorkbook(join(base.calls, "M01.xlsx"), join(returnsFolder(), name), ({ workbook, fill }) => {
      fill("G001", "13800000001", { contact_result: "已联系" });
      workbook.removeWorksheet(workbook.getWorksheet(layout.infoSheetName)!.id);
    });
    await expectRefused(await dropInfo("已填写.xlsx"), /cannot tell whose list this is: no 清单信息 sheet, no manager_id column, and the file name is not a list's name of that week/);
    // without the info sheet, the name the export gave it still tells
    const db = copyWarehouse(base.db);
    expect((await load(db, await dropInfo("M01.xlsx"))).files[0]).toMatchObject({ outcome: "loaded", managerId: "M01" });

    await expectRefused(await m01("M02.xlsx"), /the sheet 清单信息 and the file name name different managers/);
    const other = await editWorkbook(join(base.calls, "M01.xlsx"), join(returnsFolder(), "returned.xlsx"), ({ workbook, fill }) => {
      fill("G001", "13800000001", { contact_result: "已联系" });
      workbook.getWorksheet(layout.infoSheetName)!.getRow(1).getCell(2).value = "M99";
    });
    await expectRefused(other, /column manager_id \(sheet 清单信息\): the manager the sheet 清单信息 names has no call list in that week/, ["M99"]);
  });

  it("a CSV that cannot tell whose list it is", async () => {
    const file = join(returnsFolder(), "回访.csv");
    const [header, ...lines] = parseCsv(readFileSync(join(base.calls, "M02.csv"), "utf8"));
    writeFileSync(file, toCsv([...header, "contact_result"], lines.map((l) => [...l, "reached"])));
    await expectRefused(file, /cannot tell whose list this is/);
  });
});

describe("feedback refuses a path outside the folder", () => {
  it("a link to a file elsewhere, a linked folder, a hard link; the good file beside them loads", async () => {
    const outside = tempDir("cw-outside-");
    const good = await m01("M01.xlsx");
    const elsewhere = join(outside, "M01.xlsx");
    copyFileSync(good, elsewhere);
    const folder = returnsFolder();
    symlinkSync(elsewhere, join(folder, "linked.xlsx"));
    symlinkSync(outside, join(folder, "sub"));
    linkSync(elsewhere, join(folder, "hard.xlsx"));
    await editWorkbook(join(base.calls, "M02.xlsx"), join(folder, "M02.xlsx"), ({ fill }) => fill("G002", "13800000013", { contact_result: "已联系" }));
    const db = copyWarehouse(base.db);
    const report = await load(db, folder);
    expect(report).toMatchObject({ outcome: "refused", loaded: 1, refused: 3 });
    const by = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(by["linked.xlsx"].message).toBe("linked.xlsx: refused, nothing of it loaded — is or passes through a link, which may lead outside the folder: put the file itself in the folder");
    expect(by["sub"].message).toMatch(/^sub: refused, nothing of it loaded — is or passes through a link/);
    expect(by["hard.xlsx"].message).toMatch(/a hard link \(2 names\)/);
    expect(by["M02.xlsx"]).toMatchObject({ outcome: "loaded", sha256: expect.any(String) });
    expect((await stored(db)).calls.map((c) => c.manager_id)).toEqual(["M02"]);
    // a link given as the file itself is refused too (exit 1)
    const run = await runCli(["feedback", join(folder, "linked.xlsx"), "--db", db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("linked.xlsx: refused, nothing of it loaded — is or passes through a link");
  });

  it("a path through '..' or an absolute one, never read", () => {
    const folder = returnsFolder();
    mkdirSync(join(folder, "a"));
    expect(() => resolveReturnFile(folder, "a/../../secret.xlsx")).toThrow("outside the folder: a path through '..'");
    expect(() => resolveReturnFile(folder, "/etc/passwd")).toThrow("outside the folder: an absolute path");
  });
});

describe("feedback refusals over the command line", () => {
  it("exits 1 naming file, row, column and reason on stderr and in --json, never the value; a refusal repeated changes nothing", async () => {
    const db = copyWarehouse(base.db);
    const file = await m01("M01.xlsx", { contact_result: "打过了" });
    const run = await runCli(["feedback", file, "--db", db, "--json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("M01.xlsx: refused, nothing of it loaded — row 3, column contact_result (联系结果, column L): not one of the drop-down values");
    const report = JSON.parse(run.stdout).feedback;
    expect(report.files[0]).toMatchObject({ outcome: "refused", rows: 0, problems: [{ row: 3, column: "contact_result (联系结果, column L)", reason: expect.stringMatching(/^not one of/) }] });
    for (const secret of ["打过了", NOTE]) expect(run.stdout + run.stderr).not.toContain(secret);
    const before = await withTestWarehouse(db, snapshot);
    expect((await runCli(["feedback", file, "--db", db])).status).toBe(1);
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
    expect((await stored(db)).files).toHaveLength(1);
  });
});
