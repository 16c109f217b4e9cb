import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { manifestSchema } from "../../pipelines/ingest/readManifest.ts";
import { contractTables, type TableName } from "../../pipelines/ingest/contractTables.ts";
import { addDays, weekStart } from "../../pipelines/lib/isoWeek.ts";
import type { GenerateResult } from "../../pipelines/generate/generate.ts";
import { cleanup, generateRun, listFiles, parseCsv, readTable, type Row } from "./generatedRun.ts";

let run: GenerateResult;
beforeAll(async () => {
  run = await generateRun("contract", { groups: 12, weeks: 6, cdrPerMember: 20, plantedShare: 1, seed: 11 });
});
afterAll(() => cleanup(run.out));

/** The Luhn check of a full IMEI (check digit included). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return sum % 10 === 0;
}

describe("each bundle follows the extract contract", () => {
  it("has a valid manifest listing every data file, with the rows actually written", () => {
    for (const bundle of run.weeks) {
      const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(bundle.dir, "manifest.json"), "utf8")));
      expect(manifest.week).toBe(bundle.week);
      expect(manifest.generated_at).toBe(`${addDays(weekStart(bundle.week), 7)}T03:10:00+08:00`);
      expect(listFiles(bundle.dir)).toEqual([...manifest.files.map((f) => f.path), "manifest.json"].sort());
      for (const file of manifest.files) {
        const records = parseCsv(readFileSync(join(bundle.dir, file.path), "utf8"), ",");
        expect(records.length - 1, file.path).toBe(file.rows);
        expect(new Set(records[0]), file.path).toEqual(new Set(contractTables[file.table as TableName].columns));
        expect(records.every((r) => r.length === records[0].length), file.path).toBe(true);
      }
      expect(manifest.files.filter((f) => f.table === "cdr")).toHaveLength(7);
    }
  });

  it("writes the manifest last", () => {
    for (const bundle of run.weeks) {
      const manifestTime = statSync(join(bundle.dir, "manifest.json")).mtimeMs;
      for (const file of bundle.files) expect(manifestTime).toBeGreaterThanOrEqual(statSync(join(bundle.dir, file.path)).mtimeMs);
    }
  });

  it("quotes addresses that hold the delimiter, quotes or line breaks and reads them back whole", () => {
    const text = readFileSync(join(run.weeks[0].dir, "groups.csv"), "utf8");
    const { rows } = readTable(join(run.weeks[0].dir, "groups.csv"));
    expect(rows).toHaveLength(12);
    expect(rows.some((r) => r.address.includes(","))).toBe(true);
    for (const r of rows) expect(text).toContain(/[",\n]/.test(r.address) ? `"${r.address.replace(/"/g, '""')}"` : r.address);
  });

  it("keeps CDR fields to the contract's types, inside the week, with unique record ids", () => {
    const bundle = run.weeks[3];
    const tacs = new Set(readTable(join(bundle.dir, "tac.csv")).rows.map((r) => r.tac));
    const members = new Set(readTable(join(bundle.dir, "members.csv")).rows.map((r) => r.msisdn));
    const monday = weekStart(bundle.week);
    const cdr: Row[] = bundle.files.filter((f) => f.table === "cdr").flatMap((f) => readTable(join(bundle.dir, f.path)).rows);
    expect(new Set(cdr.map((r) => r.record_id)).size).toBe(cdr.length);
    for (const r of cdr) {
      expect(members.has(r.msisdn)).toBe(true);
      expect(["MOC", "MTC", "SMS_MO", "SMS_MT", "CFW"]).toContain(r.record_type);
      expect(["CMCC", "CU", "CT", "FIXED", "INTL", "UNKNOWN"]).toContain(r.other_network);
      expect(r.start_time >= `${monday} 00:00:00` && r.start_time <= `${addDays(monday, 6)} 23:59:59`).toBe(true);
      expect(Number.isInteger(Number(r.duration_s)) && Number(r.duration_s) >= 0).toBe(true);
      if (r.imei !== "") {
        expect(r.imei).toMatch(/^\d{15}$/);
        expect(luhnValid(r.imei)).toBe(true);
        expect(tacs.has(r.imei.slice(0, 8))).toBe(true);
      }
    }
  });

  it("lists members with contract values and bills that add up", () => {
    for (const bundle of run.weeks) {
      const { rows: members } = readTable(join(bundle.dir, "members.csv"));
      expect(new Set(members.map((m) => `${m.msisdn}/${m.group_id}`)).size).toBe(members.length);
      for (const m of members) {
        expect(m.msisdn).toMatch(/^138\d{8}$/);
        expect(["active", "suspended", "closed", "ported_out", "left_group"]).toContain(m.status);
        expect(m.status_date <= addDays(weekStart(bundle.week), 6)).toBe(true);
      }
      for (const b of readTable(join(bundle.dir, "billing.csv")).rows) {
        const parts = Number(b.voice_fee) + Number(b.data_fee) + Number(b.sms_fee) + Number(b.other_fee);
        expect(Math.abs(parts - Number(b.total_fee))).toBeLessThan(0.005);
      }
    }
  });

  it("re-delivers the previous bill month in the first week of a month, and backfills three months first", () => {
    const months = (i: number) => [...new Set(readTable(join(run.weeks[i].dir, "billing.csv")).rows.map((r) => r.bill_month))];
    expect(months(0)).toEqual(["2026-06", "2026-07", "2026-08"]);
    expect(months(1)).toEqual(["2026-08"]);
    // 2026-W40 ends on Sunday 4 October: September closed, August delivered again.
    expect(months(2)).toEqual(["2026-08", "2026-09"]);
    expect(months(3)).toEqual(["2026-09"]);
  });
});
