import { describe, it, expect, beforeAll } from "vitest";
import { join, dirname } from "node:path";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { exportWeek, type ExportResult } from "../../pipelines/export/exportWeek.ts";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { confidentialTerms } from "../../pipelines/export/confidentialTerms.ts";
import { withTestWarehouse, rows } from "../helpers/warehouse.ts";
import { FIXTURE_KEY, FIXTURE_WEEK, fixtureTables, scoredFixtureWarehouse } from "../helpers/scoredFixture.ts";

const GOLDEN = fileURLToPath(new URL(`../fixtures/golden/export/${FIXTURE_WEEK}/`, import.meta.url));
// outputs.md's columns, then the extra `carried_over` it names
const CALL_HEADER = "week,priority,due_date,group_id,group_name,tier,person_role,person_msisdn,reason,suggested_action,carried_over";

let db: string;
let root: string;
let out: string;
let first: ExportResult;

async function exportTo(outDir: string) {
  return withTestWarehouse(db, (conn) =>
    exportWeek(conn, { db, outDir, loaded: loadConfig(), context: { command: "export", durationsMs: {} } }),
  );
}

const read = (path: string) => readFileSync(join(out, FIXTURE_WEEK, path));
const csv = (path: string) => parseCsv(read(path).toString("utf8"));
const callFiles = () => listFiles(join(out, FIXTURE_WEEK)).filter((f) => f.startsWith("calls/"));

beforeAll(async () => {
  process.env.CHURNWATCH_PSEUDONYM_KEY = FIXTURE_KEY;
  ({ db, root } = await scoredFixtureWarehouse());
  out = join(root, "out");
  first = await exportTo(out);
});

describe("export: the files of outputs.md", () => {
  it("writes exactly the contract's files for the week", () => {
    expect(first.outcome).toBe("written");
    expect(listFiles(join(out, FIXTURE_WEEK))).toEqual([
      "at_risk_groups.csv", "calls/M01.csv", "calls/M01.xlsx", "calls/M02.csv", "calls/M02.xlsx",
      "calls/M_03__~a2e4a25f.csv", "calls/M_03__~a2e4a25f.xlsx", "member_signals.csv", "run_report.json",
    ]);
  });

  it.each(["at_risk_groups.csv", "member_signals.csv", "calls/M01.csv", "calls/M02.csv", "calls/M_03__~a2e4a25f.csv"])(
    "%s matches its golden file (UTF-8 BOM, CRLF, RFC 4180)",
    (file) => {
      const golden = join(GOLDEN, file);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, read(file));
      }
      expect(read(file).toString("utf8")).toBe(readFileSync(golden, "utf8"));
    },
  );

  it("lists every scored group, highest risk first, with the contract's header", () => {
    const [header, ...data] = csv("at_risk_groups.csv");
    expect(header.join(",")).toBe("week,group_id,group_name,branch,manager_id,group_class,industry,risk_score,tier,signals,members_active,members_flagged,reasons");
    expect(data.map((r) => r[1])).toEqual(["G001", "G003", "G005", "G002", "G006", "G004"]);
    expect(read("at_risk_groups.csv").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("creates the folders 0700 and the files 0600", () => {
    const dir = join(out, FIXTURE_WEEK);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "calls")).mode & 0o777).toBe(0o700);
    for (const f of listFiles(dir)) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });
});

describe("export: privacy", () => {
  it("never writes an unmasked 11-digit number to member_signals.csv", () => {
    const [header, ...data] = csv("member_signals.csv");
    // every field but member_key (hex, which may hold a run of digits by chance)
    const keyColumn = header.indexOf("member_key");
    for (const row of data) expect(row.filter((_, i) => i !== keyColumn).join(",")).not.toMatch(/\d{11}/);
    const masked = data.map((r) => r[header.indexOf("msisdn_masked")]);
    expect(masked.every((m) => /^1\d{2}\*{4}\d{4}$/.test(m))).toBe(true);
    const keys = data.map((r) => r[header.indexOf("member_key")]);
    expect(keys.every((k) => /^[0-9a-f]{16}$/.test(k))).toBe(true);
  });

  it("puts no third-party number (other_party of raw_cdr) in any file", async () => {
    const others = await withTestWarehouse(db, (conn) => rows(conn, "select distinct other_party from raw_cdr"));
    expect(others.length).toBeGreaterThan(0);
    for (const file of listFiles(join(out, FIXTURE_WEEK)).filter((f) => !f.endsWith(".xlsx"))) {
      const text = read(file).toString("utf8");
      for (const { other_party } of others) expect(text, `${other_party} in ${file}`).not.toContain(String(other_party));
    }
  });

  it("run_report.json holds no member's number", () => {
    const text = read("run_report.json").toString("utf8");
    for (const m of fixtureTables().members) expect(text).not.toContain(String(m.msisdn));
  });

  it("never words a suggested action with what the data showed (保密)", () => {
    for (const file of callFiles().filter((f) => f.endsWith(".csv"))) {
      const [header, ...data] = csv(file);
      for (const row of data) expect(row[header.indexOf("suggested_action")], file).not.toMatch(confidentialTerms);
    }
  });
});

describe("export: the call lists", () => {
  it("gives each manager only their own groups", () => {
    const managerOf = new Map(fixtureTables().groups.map((g) => [String(g.group_id), String(g.manager_id)]));
    const expected: Record<string, string> = { "calls/M01.csv": "M01", "calls/M02.csv": "M02", "calls/M_03__~a2e4a25f.csv": "M/03 张" };
    for (const [file, manager] of Object.entries(expected)) {
      const [header, ...data] = csv(file);
      expect(header.join(",")).toBe(CALL_HEADER);
      expect(data.length).toBeGreaterThan(0);
      for (const row of data) expect(managerOf.get(row[3]), `${file} ${row[3]}`).toBe(manager);
    }
  });

  it("lists key persons of high groups, then of medium groups, then affected mid/high-end members; suspended key persons too; no one twice; no low group", () => {
    const [, ...data] = csv("calls/M01.csv");
    expect(data.map((r) => [r[1], r[3], r[6], r[7]])).toEqual([
      ["1", "G001", "decision_maker", "13800000001"],
      ["2", "G001", "dept_head", "13800000005"],
      ["3", "G001", "contact", "13800000006"],
      // the suspended influencer is the very person to call (reconnection help)
      ["4", "G001", "influencer", "13800000007"],
      // key persons of medium groups before the mid/high-end members of high ones
      ["5", "G003", "contact", "13800000012"],
      // a medium group with no key person left: one line for the group itself
      ["6", "G006", "", ""],
      // diamond 08 before 09 (plan fee 200); low-end 02 and no-signal 10 left out; ported-out 11 left out;
      // 13800000006 is also a mid/high-end member of G003: listed once, as G001's contact
      ["7", "G001", "member", "13800000008"],
      ["8", "G001", "member", "13800000009"],
      ["9", "G006", "member", "13800000017"],
    ]);
    const [, ...m02] = csv("calls/M02.csv");
    // G004 stays low, but its decision maker's new handset is his own care moment: listed last;
    // the suspended low-end member of G002 in arrears is not a call (nor is the arrears anyone else's business)
    expect(m02.map((r) => [r[3], r[7]])).toEqual([["G002", "13800000013"], ["G002", "13800000003"], ["G004", "13800000014"]]);
  });

  it("never gives one person's account to another: the group's arrears stay off the decision maker's line", () => {
    const [header, ...m02] = csv("calls/M02.csv");
    const decisionMaker = m02.find((r) => r[header.indexOf("person_msisdn")] === "13800000013")!;
    expect(decisionMaker[header.indexOf("suggested_action")]).not.toMatch(/缴费|复机|缓停/);
    const groupLine = csv("calls/M01.csv").slice(1).find((r) => r[header.indexOf("group_id")] === "G006" && r[header.indexOf("person_msisdn")] === "")!;
    expect(groupLine[header.indexOf("reason")]).toContain("集团名下已无可联系的关键人");
    expect(groupLine[header.indexOf("suggested_action")]).toContain("重新确认最高决策者和联系人");
  });

  it("gives due dates in the working week after the extract week: high within two working days, then A/B before C", () => {
    const due = (file: string) => Object.fromEntries(csv(file).slice(1).map((r) => [r[3], r[2]]));
    expect(due("calls/M01.csv")).toEqual({ G001: "2026-11-24", G003: "2026-11-25", G006: "2026-11-27" });
    expect(due("calls/M02.csv")).toEqual({ G002: "2026-11-27", G004: "2026-11-27" });
    expect(due("calls/M_03__~a2e4a25f.csv")).toEqual({ G005: "2026-11-27" });
  });

  it("explains in plain Chinese with the numbers, and suggests the visit for high groups to key persons only", () => {
    const [header, ...data] = csv("calls/M01.csv");
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(col(data[0], "reason")).toBe(
      "本人：近4周平均每周主叫13次，本周0次（被叫9次）。集团：风险分82，达到高风险线70；7名成员中3人本周将来电转移至电信号码，共14次；7名成员中2人（含关键人1名）本周未打出电话；7名成员中3人本周疑似使用异网第二部手机",
    );
    expect(col(data[0], "suggested_action")).toMatch(/^本周由客户经理会同主管上门拜访/);
    // the suspended influencer: reconnection help first, and the group's visit (a key person)
    expect(col(data[3], "suggested_action")).toMatch(/^本周由客户经理会同主管上门拜访.*；主动联系本人，协助办理复机/);
    expect(col(data[4], "suggested_action")).toContain("续签");
    // a mid/high-end member: their own warning only, not the group's visit nor the group's sentences
    expect(col(data[6], "reason")).toMatch(/^本人：疑似双机：/);
    expect(col(data[6], "reason")).not.toContain("集团：");
    expect(col(data[6], "suggested_action")).not.toContain("上门拜访");
    for (const row of data) expect(col(row, "reason")).not.toMatch(/[A-Za-z]{2,}|[{}"]/);
  });

  it("writes a real workbook beside each CSV: the same lines in the same order, and 使用说明 (layout: workbook.test.ts)", async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = read("calls/M01.xlsx");
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([`呼叫清单 ${FIXTURE_WEEK}`, "使用说明", "清单信息"]);
    const sheet = workbook.worksheets[0];
    // Row 1 (hidden) holds the contract's keys, row 2 the Chinese header, the lines start on row 3.
    expect((sheet.getRow(1).values as unknown[]).slice(1, 12).join(",")).toBe(CALL_HEADER);
    const [header, ...data] = csv("calls/M01.csv");
    expect(sheet.rowCount).toBe(data.length + 2);
    // Every value as in the CSV, but the coded columns, which the workbook shows as Chinese labels.
    const plain = header.flatMap((key, c) => (key === "tier" || key === "person_role" || key === "carried_over" ? [] : [c]));
    data.forEach((row, i) => {
      expect(plain.map((c) => String(sheet.getRow(i + 3).getCell(c + 1).value ?? ""))).toEqual(plain.map((c) => row[c]));
    });
    expect(sheet.getRow(3).getCell(5).value).toBe("杭州市西湖区教育局");
    expect(typeof sheet.getRow(3).getCell(8).value).toBe("string"); // numbers as text: all 11 digits kept
    expect(workbook.created.toISOString()).toBe("2026-11-22T16:00:00.000Z");
  });
});

describe("export: deterministic", () => {
  it("writes the same bytes from the same warehouse (CSV and XLSX)", async () => {
    const again = join(root, "out-again");
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second clock
    await exportTo(again);
    for (const file of listFiles(join(out, FIXTURE_WEEK)).filter((f) => f !== "run_report.json")) {
      expect(readFileSync(join(again, FIXTURE_WEEK, file)).equals(read(file)), file).toBe(true);
    }
  });

  it("leaves an up-to-date folder untouched, run_report.json included", async () => {
    const before = listFiles(join(out, FIXTURE_WEEK)).map((f) => [f, statSync(join(out, FIXTURE_WEEK, f)).mtimeMs, read(f)] as const);
    const second = await exportTo(out);
    expect(second.outcome).toBe("unchanged");
    for (const [f, mtime, bytes] of before) {
      expect(statSync(join(out, FIXTURE_WEEK, f)).mtimeMs, f).toBe(mtime);
      expect(read(f).equals(bytes), f).toBe(true);
    }
  });

  it("reports the week's counts and thresholds without personal values", () => {
    const report = JSON.parse(read("run_report.json").toString("utf8"));
    expect(report.week).toBe(FIXTURE_WEEK);
    expect(report.tiers).toEqual({ high: 1, medium: 4, low: 1 });
    expect(report.signal_counts.groups.mou_drop).toBe(3);
    expect(report.rows_per_table.raw_members).toBe(18);
    expect(report.delivery.rejects_per_file.map((r: { file: string }) => r.file)).toContain("members.csv");
    expect(report.thresholds.signals.midHighPlanFeeCny).toBe(128);
    expect(report.thresholds.export.dueWorkingDays).toEqual({ high: 2, A: 3, B: 3, C: 5 });
    expect(report.files.find((f: { path: string }) => f.path === "calls/M01.csv").rows).toBe(9);
    expect(existsSync(join(out, `.${FIXTURE_WEEK}.tmp`))).toBe(false);
  });
});
