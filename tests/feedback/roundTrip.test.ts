import { describe, it, expect, beforeAll } from "vitest";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { toCsv } from "../../pipelines/export/toCsv.ts";
import { runCli } from "../helpers/runCli.ts";
import { rows, snapshot, withTestWarehouse } from "../helpers/warehouse.ts";
import { WEEK, copyWarehouse, editWorkbook, exportedFixture, load, returnsFolder, stored } from "./feedbackFixture.ts";

// Free text a manager types: it must reach the warehouse and nothing else.
const OFFER = "对方预存300元送600元，另送宽带";
const NOTE = "王主任说下周二再约，别提转移的事";

let base: { db: string; calls: string };
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

beforeAll(async () => {
  base = await exportedFixture();
});

/** M01's workbook with three calls filled in as a manager would: labels from the drop-downs, a typed date, free text. */
function filledM01(dest: string) {
  return editWorkbook(join(base.calls, "M01.xlsx"), dest, ({ fill }) => {
    fill("G001", "13800000001", {
      contact_result: "已联系", outcome: "已挽留", competitor: "电信", competitor_offer: OFFER, note: NOTE,
      contacted_on: new Date(Date.UTC(2026, 10, 24)),
    });
    fill("G003", "13800000012", { contact_result: "未接通", contacted_on: "2026-11-25" });
    // the group's own line (no key person left): the manager visited
    fill("G006", "", { contact_result: "已联系", outcome: "稳定", competitor: "无", contacted_on: new Date(Date.UTC(2026, 10, 27)) });
  });
}

describe("feedback: a returned workbook, round trip", () => {
  it("loads the filled-in workbook with `churnwatch feedback`, storing each call with codes, date, free text, checksum and load time", async () => {
    const db = copyWarehouse(base.db);
    const file = await filledM01(join(returnsFolder(), "M01.xlsx"));
    const run = await runCli(["feedback", file, "--db", db, "--json"]);
    expect(run.stderr).toContain("M01.xlsx: loaded 3 call(s) (manager M01, 2026-W47); 6 line(s) left blank");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout).feedback;
    expect(report).toMatchObject({ outcome: "loaded", loaded: 1, unchanged: 0, refused: 0 });
    expect(report.files).toEqual([expect.objectContaining({
      file: "M01.xlsx", outcome: "loaded", sha256: sha256(file), managerId: "M01", week: WEEK, rows: 3, replaced: 0, blank: 6, message: null,
    })]);

    const { calls, files } = await stored(db);
    const common = { week: WEEK, manager_id: "M01", file_sha256: sha256(file), competitor_offer: null, note: null, outcome: null, competitor: null };
    expect(calls).toEqual([
      { ...common, group_id: "G001", msisdn: "13800000001", contact_result: "reached", outcome: "retained", competitor: "CT", competitor_offer: OFFER, note: NOTE, contacted_on: "2026-11-24" },
      { ...common, group_id: "G003", msisdn: "13800000012", contact_result: "not_reached", contacted_on: "2026-11-25" },
      { ...common, group_id: "G006", msisdn: null, contact_result: "reached", outcome: "stable", competitor: "none", contacted_on: "2026-11-27" },
    ]);
    expect(files).toEqual([{ sha256: sha256(file), file_name: "M01.xlsx", manager_id: "M01", week: WEEK, rows: 3, outcome: "loaded", message: null }]);
    const [times] = await withTestWarehouse(db, (conn) => rows(conn, "select count(distinct loaded_at) as n, max(loaded_at) as t from feedback_calls"));
    expect(Number(times.n)).toBe(1);
    expect(Math.abs(Date.parse(`${String(times.t).replace(" ", "T")}Z`) - Date.now())).toBeLessThan(60_000);

    // the week's follow-up (what the dashboard and next week's carry-over read) knows what came back
    const followUp = await withTestWarehouse(db, (conn) =>
      rows(conn, "select group_id, msisdn, returned, contact_result, outcome, offer_reported from pub_call_follow_up where week = $week and returned order by group_id", { week: WEEK }));
    expect(followUp).toEqual([
      { group_id: "G001", msisdn: "13800000001", returned: true, contact_result: "reached", outcome: "retained", offer_reported: true },
      { group_id: "G003", msisdn: "13800000012", returned: true, contact_result: "not_reached", outcome: null, offer_reported: false },
      { group_id: "G006", msisdn: null, returned: true, contact_result: "reached", outcome: "stable", offer_reported: false },
    ]);
    // free text stays in the warehouse: not in the progress lines nor in the report
    for (const text of [OFFER, NOTE]) expect(run.stdout + run.stderr).not.toContain(text);
  });

  it("loads the same file a second time without changing anything (by its checksum, whatever its name)", async () => {
    const db = copyWarehouse(base.db);
    const folder = returnsFolder();
    const file = await filledM01(join(folder, "M01.xlsx"));
    expect((await load(db, file)).outcome).toBe("loaded");
    const before = await withTestWarehouse(db, snapshot);
    copyFileSync(file, join(folder, "M01 (1).xlsx"));
    const again = await load(db, folder);
    expect(again.outcome).toBe("nothing_new");
    expect(again.files.map((f) => [f.file, f.outcome, f.rows]).sort()).toEqual([["M01 (1).xlsx", "unchanged", 3], ["M01.xlsx", "unchanged", 3]]);
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
    expect((await runCli(["feedback", folder, "--db", db])).status).toBe(0);
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });

  it("replaces an earlier return for the same call with a later one, and keeps the calls the later one leaves out", async () => {
    const db = copyWarehouse(base.db);
    const folder = returnsFolder();
    const first = await filledM01(join(folder, "M01.xlsx"));
    expect((await load(db, first)).files[0].rows).toBe(3);
    const later = await editWorkbook(join(base.calls, "M01.xlsx"), join(folder, "M01-补充.xlsx"), ({ fill }) => {
      fill("G003", "13800000012", { contact_result: "已联系", outcome: "有离网意向", competitor: "联通", note: "第二次联系上了", contacted_on: "2026-11-30" });
    });
    const report = await load(db, later);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", rows: 1, replaced: 1, managerId: "M01" });
    const { calls } = await stored(db);
    expect(calls.map((c) => [c.group_id, c.contact_result, c.outcome, c.competitor, c.contacted_on, c.file_sha256])).toEqual([
      ["G001", "reached", "retained", "CT", "2026-11-24", sha256(first)],
      ["G003", "reached", "at_risk", "CU", "2026-11-30", sha256(later)],
      ["G006", "reached", "stable", "none", "2026-11-27", sha256(first)],
    ]);
  });

  it("loads a folder's returns oldest first, so the later return of a call wins", async () => {
    const db = copyWarehouse(base.db);
    const folder = returnsFolder();
    const older = await editWorkbook(join(base.calls, "M01.xlsx"), join(folder, "z-first.xlsx"), ({ fill }) => fill("G001", "13800000001", { contact_result: "未接通" }));
    const newer = await editWorkbook(join(base.calls, "M01.xlsx"), join(folder, "a-second.xlsx"), ({ fill }) => fill("G001", "13800000001", { contact_result: "已联系" }));
    utimesSync(older, new Date("2026-11-24T09:00:00Z"), new Date("2026-11-24T09:00:00Z"));
    utimesSync(newer, new Date("2026-11-26T09:00:00Z"), new Date("2026-11-26T09:00:00Z"));
    const report = await load(db, folder);
    expect(report.files.map((f) => f.file)).toEqual(["z-first.xlsx", "a-second.xlsx"]);
    expect((await stored(db)).calls.map((c) => [c.group_id, c.contact_result, c.file_sha256])).toEqual([["G001", "reached", sha256(newer)]]);
  });

  it("takes the manager from the hidden info sheet, not from the file name", async () => {
    const db = copyWarehouse(base.db);
    const file = await filledM01(join(returnsFolder(), "我的清单-已填写.xlsx"));
    const report = await load(db, file);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", managerId: "M01", rows: 3 });
  });

  it("loads the list of a manager whose id is not a plain file name (the workbook says whose it is)", async () => {
    const db = copyWarehouse(base.db);
    const file = await editWorkbook(join(base.calls, "M_03__~a2e4a25f.xlsx"), join(returnsFolder(), "zhang.xlsx"), ({ fill }) =>
      fill("G005", "13800000015", { contact_result: "拒绝沟通", contacted_on: "2026-11-20" }));
    const report = await load(db, file);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", managerId: "M/03 张", rows: 1 });
  });
});

describe("feedback: a returned CSV", () => {
  /** M02's exported CSV with the feedback columns a manager (or a script) added: codes or labels. */
  function returnedCsv(extra: Record<string, Record<string, string>>, options: { managerColumn?: string } = {}): Buffer {
    const [header, ...lines] = parseCsv(readFileSync(join(base.calls, "M02.csv"), "utf8"));
    const feedback = ["contact_result", "outcome", "competitor", "competitor_offer", "note", "contacted_on"];
    const columns = [...header, ...feedback, ...(options.managerColumn !== undefined ? ["manager_id"] : [])];
    const at = (line: string[], key: string) => line[header.indexOf(key)];
    return toCsv(columns, lines.map((line) => {
      const filled = extra[`${at(line, "group_id")}/${at(line, "person_msisdn")}`] ?? {};
      return [...line, ...feedback.map((k) => filled[k] ?? ""), ...(options.managerColumn !== undefined ? [options.managerColumn] : [])];
    }));
  }

  it("loads M02.csv with the feedback columns added (codes or labels), taking the manager from the file name", async () => {
    const db = copyWarehouse(base.db);
    const file = join(returnsFolder(), "M02.csv");
    writeFileSync(file, returnedCsv({
      "G002/13800000013": { contact_result: "reached", outcome: "已挽留", competitor: "CU", competitor_offer: OFFER, contacted_on: "2026/11/26" },
      // toCsv neutralises a note starting like a formula; the loader takes the quote off again
      "G004/13800000014": { contact_result: "未接通", note: "=先别打，周五再说" },
    }));
    expect(readFileSync(file, "utf8")).toContain("'=先别打");
    const report = await load(db, file);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", managerId: "M02", week: WEEK, rows: 2, blank: 1 });
    expect((await stored(db)).calls.map((c) => [c.group_id, c.msisdn, c.contact_result, c.outcome, c.competitor, c.competitor_offer, c.note, c.contacted_on])).toEqual([
      ["G002", "13800000013", "reached", "retained", "CU", OFFER, null, "2026-11-26"],
      ["G004", "13800000014", "not_reached", null, null, null, "=先别打，周五再说", null],
    ]);
  });

  it("takes the manager from a manager_id column when the file name says nothing, and reads GBK (Excel's plain CSV)", async () => {
    const db = copyWarehouse(base.db);
    const file = join(returnsFolder(), "回访结果.csv");
    const utf8 = returnedCsv({ "G002/13800000003": { contact_result: "已联系", note: NOTE } }, { managerColumn: "M02" }).toString("utf8").replace(/^\uFEFF/, "");
    writeFileSync(file, iconv.encode(utf8, "gbk"));
    const report = await load(db, file);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", managerId: "M02", rows: 1 });
    expect((await stored(db)).calls[0]).toMatchObject({ group_id: "G002", msisdn: "13800000003", contact_result: "reached", note: NOTE });
  });

  it("reads a workbook saved as CSV: the key row, then the Chinese header, labels in the cells", async () => {
    const db = copyWarehouse(base.db);
    const [header, ...lines] = parseCsv(readFileSync(join(base.calls, "M02.csv"), "utf8"));
    const keys = [...header, "contact_result", "contacted_on"];
    const chinese = ["预警周", "优先级", "完成日期", "集团编号", "集团名称", "风险等级", "角色", "联系号码", "预警原因", "建议措施", "上周未联系", "联系结果", "联系日期"];
    const file = join(returnsFolder(), "M02.csv");
    writeFileSync(file, toCsv(keys, [chinese, ...lines.map((l, i) => [...l, i === 0 ? "已联系" : "", i === 0 ? "2026/11/23" : ""])]));
    const report = await load(db, file);
    expect(report.files[0]).toMatchObject({ outcome: "loaded", rows: 1, blank: 2 });
  });
});

describe("feedback: a folder", () => {
  it("loads the good file of a folder holding one bad and one good, refuses the bad (exit 1), and a second run changes nothing", async () => {
    const db = copyWarehouse(base.db);
    const folder = returnsFolder();
    await filledM01(join(folder, "M01.xlsx"));
    await editWorkbook(join(base.calls, "M02.xlsx"), join(folder, "M02.xlsx"), ({ fill }) => fill("G002", "13800000013", { contact_result: "打通了" }));
    writeFileSync(join(folder, ".DS_Store"), "not a return");
    writeFileSync(join(folder, "~$M01.xlsx"), "Excel's lock file");
    const run = await runCli(["feedback", folder, "--db", db, "--json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout).feedback;
    expect(report).toMatchObject({ outcome: "refused", loaded: 1, refused: 1, unchanged: 0 });
    expect(report.files.map((f: { file: string; outcome: string }) => [f.file, f.outcome]).sort()).toEqual([["M01.xlsx", "loaded"], ["M02.xlsx", "refused"]]);
    expect(run.stderr).toMatch(/M02\.xlsx: refused, nothing of it loaded — row 3, column contact_result \(联系结果, column L\): not one of the drop-down values/);
    expect(run.stdout + run.stderr).not.toContain("打通了");
    const { calls, files } = await stored(db);
    expect(new Set(calls.map((c) => c.manager_id))).toEqual(new Set(["M01"]));
    expect(files.map((f) => [f.file_name, f.outcome])).toEqual([["M01.xlsx", "loaded"], ["M02.xlsx", "refused"]]);

    const before = await withTestWarehouse(db, snapshot);
    const again = await runCli(["feedback", folder, "--db", db, "--json"]);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).feedback).toMatchObject({ loaded: 0, unchanged: 1, refused: 1 });
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });

  it("finds nothing new in an empty folder (exit 0), and says so for a path that does not exist (exit 2)", async () => {
    const db = copyWarehouse(base.db);
    const run = await runCli(["feedback", returnsFolder(), "--db", db, "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).feedback).toMatchObject({ outcome: "nothing_new", files: [] });
    const missing = await runCli(["feedback", join(returnsFolder(), "nope"), "--db", db]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or folder");
    expect((await load(db, join(returnsFolder(), "nope"), undefined, { allowMissing: true })).outcome).toBe("nothing_new");
    expect((await runCli(["feedback", "--db", db])).status).toBe(2);
  });
});
