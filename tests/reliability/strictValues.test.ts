import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { defaultTables, writeBundle } from "../helpers/bundleFixture.ts";
import { expectIngestInvariant } from "../helpers/ingestInvariant.ts";
import { ingest, rows, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";

// Promise: a value is loaded only in the contract's plain form; DuckDB's lenient casts would
// otherwise convert it ('3.7' → 4, '0x10' → 16, year 99999, '24:00:00' → the next day), and the
// record is refused naming the rule instead (issue 13, finding 8).

const W47 = "2026-W47";
const t = defaultTables(W47);
const group = (id: string, employee_count: string) => ({ ...t.groups[1], group_id: id, employee_count });
const member = (n: number, field: string, value: string) => ({ ...t.members[1], msisdn: `1380000010${n}`, [field]: value });
const cdr = (id: string, field: string, value: string) => ({ ...t.cdr[0], record_id: id, [field]: value });

// [file, key of the bad row, column, value, reason]
const LAX: Array<[string, string, string, string, string]> = [
  ["groups.csv", "G101", "employee_count", "3.7", "not an integer >= 0"],
  ["groups.csv", "G102", "employee_count", "0x10", "not an integer >= 0"],
  ["groups.csv", "G103", "employee_count", "1_000", "not an integer >= 0"],
  ["groups.csv", "G104", "employee_count", "+7", "not an integer >= 0"],
  ["groups.csv", "G105", "employee_count", "007", "not an integer >= 0"],
  ["members.csv", "1", "plan_fee", "3.756", "not a decimal >= 0 (at most 2 decimals)"],
  ["members.csv", "2", "plan_fee", "1e3", "not a decimal >= 0 (at most 2 decimals)"],
  ["members.csv", "3", "join_date", "2026-1-5", "not a date YYYY-MM-DD"],
  ["members.csv", "4", "join_date", "99999-01-01", "not a date YYYY-MM-DD"],
  ["members.csv", "5", "status_date", "2026/01/05", "not a date YYYY-MM-DD"],
  ["members.csv", "6", "contract_end", "2026-02-30", "not a date YYYY-MM-DD"],
  ["cdr", "X1", "start_time", "2026-11-16 24:00:00", "not a timestamp YYYY-MM-DD HH:MM:SS"],
  ["cdr", "X2", "start_time", "2026-11-16T09:00:00", "not a timestamp YYYY-MM-DD HH:MM:SS"],
  ["cdr", "X3", "duration_s", "3.7", "not an integer >= 0"],
  ["cdr", "X4", "duration_s", "0x10", "not an integer >= 0"],
  ["tac.csv", "12345678", "sim_slots", "2.0", "not 1 or 2"],
  ["tac.csv", "12345679", "launched", "99999", "not a year YYYY"],
  ["billing.csv", "13800000001", "total_fee", "1_000", "not a decimal (at most 2 decimals)"],
];

describe("typed values in the contract's plain form only", () => {
  it("refuses every lax value, naming the column and rule, and loads the rest", async () => {
    const tables = {
      groups: [...t.groups, ...LAX.filter(([f]) => f === "groups.csv").map(([, key, , value]) => group(key, value))],
      members: [...t.members, ...LAX.filter(([f]) => f === "members.csv").map(([, key, column, value]) => member(Number(key), column, value))],
      cdr: [...t.cdr, ...LAX.filter(([f]) => f === "cdr").map(([, key, column, value]) => cdr(key, column, value))],
      tac: [...t.tac, ...LAX.filter(([f]) => f === "tac.csv").map(([, key, column, value]) => ({ ...t.tac[0], tac: key, [column]: value }))],
      billing: [...t.billing, { ...t.billing[0], bill_month: "2026-09", total_fee: "1_000" }],
    };
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47, tables });
    const db = join(root, "wh.duckdb");
    const report = await ingest(db, bundle, testConfig({ ingest: { rejectLimitShare: 1 } }));
    expect(report.bundles[0].outcome).toBe("loaded");
    await expectIngestInvariant(db, bundle, report, new Map());
    await withTestWarehouse(db, async (conn) => {
      const refused = await rows(conn, "select file, column_name, reason from raw_rejects order by file, line");
      const expected = LAX.map(([file, , column, , reason]) => ({ file: file === "cdr" ? "cdr/cdr_20261116.csv" : file, column_name: column, reason }));
      expect(refused).toEqual([...expected].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
      // The good rows are there, typed.
      expect(await rows(conn, "select count(*)::int as n from raw_members")).toEqual([{ n: 4 }]);
      expect(await rows(conn, "select employee_count from raw_groups order by group_id")).toEqual([{ employee_count: 120 }, { employee_count: 35 }]);
    });
  });
});
