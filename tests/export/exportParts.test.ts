import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { testConfig, tempDir } from "../helpers/warehouse.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { toCsv } from "../../pipelines/export/toCsv.ts";
import { confidentialTerms } from "../../pipelines/export/confidentialTerms.ts";
import { suggestedActions } from "../../pipelines/export/suggestedActions.ts";
import { dueDate } from "../../pipelines/export/dueDate.ts";
import { managerFileName } from "../../pipelines/export/managerFileName.ts";
import { dropPhoneLike } from "../../pipelines/export/dropPhoneLike.ts";
import { publishFolder } from "../../pipelines/export/publishFolder.ts";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { callListWorkbook } from "../../pipelines/export/callListWorkbook.ts";
import { SIGNAL_CODES } from "../../pipelines/config/scoringConfig.ts";
import { UsageError } from "../../pipelines/lib/errors.ts";

const TABLE = fileURLToPath(new URL("../../pipelines/export/suggested_actions.csv", import.meta.url));
const exportConfig = (overrides: Record<string, unknown> = {}) => testConfig({ export: overrides }).export;

describe("wording table (保密)", () => {
  const [header, ...rows] = parseCsv(readFileSync(TABLE, "utf8"));

  it("has a row for every signal, the two call tiers and the default", () => {
    expect(header).toEqual(["signal", "tier", "action_zh", "gloss_en"]);
    const signals = new Set(rows.map((r) => r[0]));
    for (const code of [...SIGNAL_CODES, "_default"]) expect(signals, code).toContain(code);
    expect(rows.filter((r) => r[0] === "*").map((r) => r[1]).sort()).toEqual(["high", "medium"]);
  });

  it.each(rows.map((r) => [r[0], r[1], r]))("%s/%s never mentions forwarding, competitors, other numbers or calls seen", (_s, _t, row) => {
    const [, , zh, en] = row as string[];
    expect(zh).not.toMatch(confidentialTerms);
    expect(en).not.toMatch(confidentialTerms);
  });

  it("catches the words it must (the guard itself)", () => {
    for (const bad of ["您的来电呼转到电信", "我们看到您用联通", "副卡", "CT", "forwarding", "your other phone", "13800000001", "calls to"]) {
      expect(bad, bad).toMatch(confidentialTerms);
    }
  });

  it("refuses a table whose wording reveals observed behaviour, naming the line", () => {
    const dir = tempDir();
    const path = join(dir, "actions.csv");
    writeFileSync(path, "signal,tier,action_zh,gloss_en\ndual_phone,*,请勿将来电呼转到电信号码,no\n");
    expect(() => suggestedActions(exportConfig({ wordingTable: path }))).toThrow(UsageError);
    expect(() => suggestedActions(exportConfig({ wordingTable: path }))).toThrow(/line 2/);
  });

  it("puts the tier-wide action first for a line that speaks for the group, then the strongest signals' own, at most actionsPerPerson, no text twice", () => {
    const suggest = suggestedActions(exportConfig({ actionsPerPerson: 2 }));
    const group = (...codes: string[]) => codes.map((signal) => ({ signal, own: false }));
    const high = suggest("high", group("contract_expiry", "arrears", "mou_drop"), true).split("；");
    expect(high).toHaveLength(3);
    expect(high[0]).toContain("上门拜访");
    expect(high[1]).toContain("续签");
    expect(high[2]).toContain("缴费");
    expect(suggest("medium", [], true).split("；")[1]).toBe("例行关怀回访，了解需求");
    // a person's own agreement is theirs to renew, the group's agreement the group's
    expect(suggest("medium", [{ signal: "contract_expiry", own: true }], false)).toContain("本人");
    expect(suggest("medium", group("contract_expiry"), true)).not.toContain("本人");
  });

  it("gives a line that does not speak for the group only its own signals' actions", () => {
    const suggest = suggestedActions(exportConfig());
    const own = suggest("high", [{ signal: "dual_phone", own: true }], false);
    expect(own).not.toContain("上门拜访");
    expect(own).toContain("预存");
    expect(suggest("high", [{ signal: "_suspended", own: true }, { signal: "arrears", own: true }], false)).toMatch(/^主动联系本人，协助办理复机/);
  });
});

describe("due dates", () => {
  const config = exportConfig();
  it("falls in the working week after the extract week: high within two working days, then A/B before C", () => {
    // extract week 2026-W47 (16-22 Nov): the list is worked Mon 23 - Fri 27 Nov
    expect(dueDate("2026-W47", "high", "C", config)).toBe("2026-11-24");
    expect(dueDate("2026-W47", "high", "A", config)).toBe("2026-11-24");
    expect(dueDate("2026-W47", "medium", "A", config)).toBe("2026-11-25");
    expect(dueDate("2026-W47", "medium", "B", config)).toBe("2026-11-25");
    expect(dueDate("2026-W47", "medium", "C", config)).toBe("2026-11-27");
    expect(dueDate("2026-W47", "low", null, config)).toBe("2026-11-27");
    // a high class-C group never comes after a medium class-A one
    expect(dueDate("2026-W47", "high", "C", config) <= dueDate("2026-W47", "medium", "A", config)).toBe(true);
  });
  it("follows the shipped State Council calendar: holidays skipped, 调休 Saturdays worked, never past the week", () => {
    // National Day 2026: Thu 1 - Wed 7 Oct off; the week after W40 (5-11 Oct) works Thu 8, Fri 9 and Sat 10
    expect(dueDate("2026-W40", "high", "A", config)).toBe("2026-10-09");
    expect(dueDate("2026-W40", "medium", "C", config)).toBe("2026-10-10");
    // the week after W39 (28 Sep - 4 Oct) works Mon 28 - Wed 30 Sep only
    expect(dueDate("2026-W39", "medium", "C", config)).toBe("2026-09-30");
    // Spring Festival 2026 (15-23 Feb off): the week after W07 (16-22 Feb) has no working day
    expect(dueDate("2026-W07", "high", "A", config)).toBe("2026-02-24");
  });
  it("takes a year's holidays from the configuration when it is not shipped", () => {
    const c = exportConfig({ holidays: ["2027-01-01"], makeUpWorkdays: [] });
    expect(dueDate("2026-W52", "high", "A", c)).toBe("2026-12-29");
    // Fri 1 Jan off: that week has four working days, and a C line is due on the last of them
    expect(dueDate("2026-W52", "medium", "C", c)).toBe("2026-12-31");
    expect(dueDate("2026-W52", "medium", "C", config)).toBe("2027-01-01");
  });
});

describe("CSV writer", () => {
  it("writes UTF-8 with BOM, CRLF, RFC 4180 quoting, and reads back the same", () => {
    const bytes = toCsv(["a", "b", "c"], [["x,y", 'say "hi"', "line\nbreak"], [null, 1.5, "中文"]]);
    const text = bytes.toString("utf8");
    expect(text).toBe('\uFEFFa,b,c\r\n"x,y","say ""hi""","line\nbreak"\r\n,1.5,中文\r\n');
    expect(parseCsv(text)).toEqual([["a", "b", "c"], ["x,y", 'say "hi"', "line\nbreak"], ["", "1.5", "中文"]]);
  });
});

describe("privacy helpers", () => {
  it("drops values that could be a number, keeps counts and networks", () => {
    expect(dropPhoneLike({ calls: 5, network: "CT", target: "18900000077", n: 18900000077, nested: { top: ["15600000088", "CU"] } }))
      .toEqual({ calls: 5, network: "CT", nested: { top: ["CU"] } });
  });
  it("turns any manager id into a safe, distinct file name", () => {
    expect(managerFileName("M01")).toBe("M01");
    expect(managerFileName("../etc/passwd")).toMatch(/^etc_passwd~[0-9a-f]{8}$/);
    expect(managerFileName("张伟")).not.toBe(managerFileName("李强"));
    expect(managerFileName(null)).toBe("_no_manager");
  });
});

describe("workbook bytes", () => {
  it("are identical for identical input, whatever the clock", async () => {
    const row = { week: "2026-W47", priority: 1, due_date: "2026-11-25", group_id: "G1", group_name: "测试集团", tier: "high", person_role: "contact", person_msisdn: "13800000001", reason: "r", suggested_action: "a", carried_over: 0 };
    const a = await callListWorkbook("2026-W47", "M01", [row], "2026-11-23");
    await new Promise((r) => setTimeout(r, 2100));
    const b = await callListWorkbook("2026-W47", "M01", [row], "2026-11-23");
    expect(a.equals(b)).toBe(true);
  });
});

describe("publishing a folder", () => {
  it("keeps the previous folder when writing the new one fails, and leaves no temporary folder", () => {
    const dir = tempDir();
    const target = join(dir, "2026-W47");
    publishFolder(target, new Map([["a.csv", Buffer.from("old")]]));
    // 'calls' as a file and as a folder: the second write fails half-way
    const broken = new Map([["calls", Buffer.from("x")], ["calls/M01.csv", Buffer.from("y")]]);
    expect(() => publishFolder(target, broken)).toThrow();
    expect(listFiles(target)).toEqual(["a.csv"]);
    expect(readFileSync(join(target, "a.csv"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["2026-W47"]);
  });

  it("puts back a folder a crash left aside between the two renames", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".2026-W47.old-123-abcd"));
    writeFileSync(join(dir, ".2026-W47.old-123-abcd", "a.csv"), "old");
    mkdirSync(join(dir, ".2026-W47.tmp-123-abcd"));
    publishFolder(join(dir, "2026-W47"), new Map([["b.csv", Buffer.from("new")]]));
    expect(readdirSync(dir)).toEqual(["2026-W47"]);
    expect(listFiles(join(dir, "2026-W47"))).toEqual(["b.csv"]);
  });
});
