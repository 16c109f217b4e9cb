import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { readFileSync, symlinkSync, writeFileSync, statSync } from "node:fs";
import { writeBundle, defaultTables } from "../helpers/bundleFixture.ts";
import { tempDir, ingest, withTestWarehouse, rows, snapshot, testConfig } from "../helpers/warehouse.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";

const W46 = "2026-W46";
const W47 = "2026-W47";

async function loadOne(spec: Parameters<typeof writeBundle>[1], config = testConfig()) {
  const root = tempDir();
  const bundle = writeBundle(join(root, "extracts"), spec);
  const db = join(root, "wh.duckdb");
  const report = await ingest(db, bundle, config);
  // Every test's load keeps the promise: each declared row loaded or refused, a failure changes nothing.
  await expectIngestInvariant(db, bundle, report, new Map());
  return { root, db, bundle, report, result: report.bundles[0] };
}

/** Ingests `path` into `db` and checks the loader's promise against the warehouse as it was. */
async function ingestChecked(db: string, path: string, config = testConfig()) {
  const before = await rawState(db);
  const report = await ingest(db, path, config);
  await expectIngestInvariant(db, path, report, before);
  return report;
}

describe("ingest: a valid bundle", () => {
  it("loads every table with the right types and Chinese text intact", async () => {
    const { db, result } = await loadOne({ week: W47 });
    expect(result.outcome).toBe("loaded");
    expect(result.rows).toEqual({ groups: 2, managers: 2, members: 4, cdr: 4, billing: 2, tac: 2 });
    await withTestWarehouse(db, async (conn) => {
      const [g] = await rows(conn, "select group_name, address, annual_revenue_10k_cny::double as rev, contract_end::varchar as ce from raw_groups where group_id = 'G001'");
      expect(g).toEqual({ group_name: "杭州市西湖区教育局", address: "杭州市西湖区文三路1号, 3楼", rev: 830.5, ce: "2027-06-30" });
      const [c] = await rows(conn, "select start_time::varchar as t, duration_s, week from raw_cdr where record_id = 'R0001'");
      expect(c).toEqual({ t: "2026-11-16 09:15:00", duration_s: 120, week: W47 });
    });
  });

  it("creates the warehouse owner-only", async () => {
    const { db } = await loadOne({ week: W47 });
    expect(statSync(db).mode & 0o077).toBe(0);
  });

  it.each([
    ["GBK (read as GB18030)", { encoding: "gbk" as const }],
    ["'|' delimiter", { delimiter: "|" as const }],
    ["gzip files", { gzip: true }],
    ["GBK, '|' and gzip together", { encoding: "gbk" as const, delimiter: "|" as const, gzip: true }],
  ])("reads %s", async (_name, options) => {
    const { db, result } = await loadOne({ week: W47, ...options });
    expect(result.outcome).toBe("loaded");
    expect(result.rows.cdr).toBe(4);
    await withTestWarehouse(db, async (conn) => {
      const names = await rows(conn, "select group_name from raw_groups order by group_id");
      expect(names.map((r) => r.group_name)).toEqual(["杭州市西湖区教育局", "余杭制造有限公司"]);
      const [m] = await rows(conn, "select manager_name from raw_managers where manager_id = 'M01'");
      expect(m.manager_name).toBe("王芳");
    });
  });

  it("accepts headers in any order and ignores extra columns", async () => {
    const columns = ["region_code", "status", "msisdn", "plan_fee", "group_id", "role", "contract_end", "vip_level", "status_date", "join_date"];
    const members = defaultTables(W47).members.map((m) => ({ ...m, region_code: "330106" }));
    const { db, result } = await loadOne({ week: W47, tables: { members }, columns: { members: columns } });
    expect(result.outcome).toBe("loaded");
    await withTestWarehouse(db, async (conn) => {
      const [m] = await rows(conn, "select role, plan_fee_cny::double as fee, status from raw_members where msisdn = '13800000001'");
      expect(m).toEqual({ role: "decision_maker", fee: 188, status: "active" });
    });
  });

  it("keeps quoted commas, quotes and newlines inside fields, and counts lines right after them", async () => {
    const groups = defaultTables(W47).groups;
    groups[0] = { ...groups[0], group_name: '西湖"数字"学校', address: "文三路1号,\n教学楼3楼" };
    // 1 % of 100+ rows would fail the bundle: raise the limit, we want to see the reject's line.
    const { db, result } = await loadOne(
      { week: W47, tables: { groups }, appendRaw: { groups: "G003,坏班级集团,Z,教育,,,,,,西湖,M01,\n" } },
      testConfig({ ingest: { rejectLimitShare: 0.5 } }),
    );
    expect(result.outcome).toBe("loaded");
    await withTestWarehouse(db, async (conn) => {
      const [g] = await rows(conn, "select group_name, address from raw_groups where group_id = 'G001'");
      expect(g).toEqual({ group_name: '西湖"数字"学校', address: "文三路1号,\n教学楼3楼" });
      // header = 1, G001 spans lines 2-3, G002 line 4, the bad row line 5
      const rejects = await rows(conn, "select file, line::int as line, column_name, reason from raw_rejects");
      expect(rejects).toEqual([{ file: "groups.csv", line: 5, column_name: "group_class", reason: "not one of A, B, C" }]);
    });
  });
});

describe("ingest: refused input", () => {
  it("fails the bundle when the manifest's row count is wrong, naming the file", async () => {
    const { db, result } = await loadOne({
      week: W47,
      editManifest: (m) => { m.files.find((f) => f.table === "members")!.rows = 5; },
    });
    expect(result.outcome).toBe("failed");
    expect(result.message).toBe("2026-W47/members.csv: manifest says 5 rows, the file has 4");
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select count(*)::int as n from raw_members")).toEqual([{ n: 0 }]);
    });
  });

  it("keeps rejects under the limit with file, line, column and reason, and loads the rest", async () => {
    const cdr = defaultTables(W47).cdr;
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...cdr[0], record_id: `X${i}` }));
    const bad = "B1,1380000000X,MOC,13900000001,CMCC,2026-11-16 09:00:00,10,C1,\nB2,13800000001,MOC,13900000001,CMCC,2026-11-30 09:00:00,10,C1,\n";
    const { db, result } = await loadOne({ week: W47, tables: { cdr: many }, appendRaw: { cdr: bad } });
    expect(result.outcome).toBe("loaded");
    expect(result.rows.cdr).toBe(2000);
    await withTestWarehouse(db, async (conn) => {
      const rejects = await rows(conn, "select file, line::int as line, column_name, reason, raw_line from raw_rejects order by line");
      expect(rejects).toEqual([
        { file: "cdr/cdr_20261116.csv", line: 2002, column_name: "msisdn", reason: "not 11 digits", raw_line: bad.split("\n")[0] },
        { file: "cdr/cdr_20261116.csv", line: 2003, column_name: "start_time", reason: "outside the bundle's week", raw_line: bad.split("\n")[1] },
      ]);
    });
    const cdrReport = result.rejects.find((r) => r.file === "cdr/cdr_20261116.csv")!;
    expect(cdrReport).toMatchObject({ rows: 2002, rejected: 2, reasons: { "msisdn: not 11 digits": 1, "start_time: outside the bundle's week": 1 } });
  });

  it("fails the bundle when rejects pass the limit, with file, line and reason but no value", async () => {
    const bad = "B1,1380000000X,MOC,13900000001,CMCC,2026-11-16 09:00:00,10,C1,\nB2,13800000001,DIAL,13900000001,CMCC,2026-11-16 09:00:00,10,C1,\n";
    const { db, result } = await loadOne({ week: W47, appendRaw: { cdr: bad } });
    expect(result.outcome).toBe("failed");
    expect(result.message).toBe(
      "2026-W47/cdr/cdr_20261116.csv: 2 of 6 rows refused (33.33 %, limit 0.10 %): " +
        "line 6: msisdn: not 11 digits; line 7: record_type: not one of MOC, MTC, SMS_MO, SMS_MT, CFW",
    );
    expect(result.message).not.toContain("1380000000X");
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select count(*)::int as n from raw_cdr")).toEqual([{ n: 0 }]);
      expect(await rows(conn, "select count(*)::int as n from raw_bundles")).toEqual([{ n: 0 }]);
      expect(await rows(conn, "select outcome from load_runs")).toEqual([{ outcome: "failed" }]);
    });
  });

  it("refuses records DuckDB cannot split (missing fields) with their line", async () => {
    const { result } = await loadOne({ week: W47, appendRaw: { cdr: "B1,13800000001,MOC\n" } });
    expect(result.outcome).toBe("failed");
    expect(result.message).toContain("cdr/cdr_20261116.csv: 1 of 5 rows refused");
    expect(result.message).toContain("line 6: fewer fields than the header");
  });

  it("keeps the first of a duplicated record_id and refuses the later one, saying where the first is", async () => {
    const cdr = defaultTables(W47).cdr;
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...cdr[0], record_id: `X${i}`, duration_s: i }));
    many.push({ ...cdr[0], record_id: "X7", duration_s: 99999 });
    const { db, result } = await loadOne({ week: W47, tables: { cdr: many } });
    expect(result.outcome).toBe("loaded");
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select duration_s from raw_cdr where record_id = 'X7'")).toEqual([{ duration_s: 7 }]);
      expect(await rows(conn, "select count(*)::int as n from raw_cdr")).toEqual([{ n: 3000 }]);
      expect(await rows(conn, "select line::int as line, column_name, reason from raw_rejects")).toEqual([
        { line: 3002, column_name: "record_id", reason: "duplicate key (first at cdr/cdr_20261116.csv line 9)" },
      ]);
    });
  });

  it.each([
    ["'..'", "../outside.csv", "leads outside the bundle folder ('..')"],
    ["an absolute path", "/etc/passwd", "absolute paths are not allowed"],
  ])("refuses %s in the manifest and reads nothing", async (_name, path, reason) => {
    const { result } = await loadOne({
      week: W47,
      editManifest: (m) => { m.files.find((f) => f.table === "tac")!.path = path; },
    });
    expect(result.outcome).toBe("failed");
    expect(result.message).toBe(`2026-W47/manifest.json: file '${path}': ${reason}`);
  });

  it("refuses a file reached through a link", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "extracts"), { week: W47 });
    writeFileSync(join(root, "elsewhere.csv"), "tac,brand,model,sim_slots,networks,launched\n");
    symlinkSync(join(root, "elsewhere.csv"), join(bundle, "tac_link.csv"));
    const manifest = JSON.parse(readFileSync(join(bundle, "manifest.json"), "utf8"));
    manifest.files.find((f: { table: string }) => f.table === "tac").path = "tac_link.csv";
    writeFileSync(join(bundle, "manifest.json"), JSON.stringify(manifest));
    const report = await ingestChecked(join(root, "wh.duckdb"), bundle);
    expect(report.bundles[0].message).toBe("2026-W47/manifest.json: file 'tac_link.csv': is or passes through a link");
  });

  it("names a missing header column", async () => {
    const { result } = await loadOne({ week: W47, columns: { managers: ["manager_id", "manager_name", "branch", "phone"] } });
    expect(result.message).toBe("2026-W47/managers.csv: header lacks column email");
  });

  it("skips a folder without manifest with a notice, and loads the complete ones", async () => {
    const root = tempDir();
    writeBundle(join(root, "extracts"), { week: W46, noManifest: true });
    writeBundle(join(root, "extracts"), { week: W47 });
    const report = await ingestChecked(join(root, "wh.duckdb"), join(root, "extracts"));
    expect(report.skipped).toEqual([{ bundle: W46, reason: "no manifest.json (incomplete bundle)" }]);
    expect(report.bundles.map((b) => [b.week, b.outcome])).toEqual([[W47, "loaded"]]);
  });
});

describe("ingest: all or nothing, idempotent, late and re-delivered weeks", () => {
  it("loading the same bundle again changes no table", async () => {
    const { db, bundle } = await loadOne({ week: W47 });
    const before = await withTestWarehouse(db, snapshot);
    const again = await ingestChecked(db, bundle);
    expect(again.bundles[0].outcome).toBe("unchanged");
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });

  it("knows a bundle by content: the same files re-delivered with a new manifest time change nothing", async () => {
    const { db, root } = await loadOne({ week: W47 });
    const before = await withTestWarehouse(db, snapshot);
    const copy = writeBundle(join(root, "redelivered"), { week: W47, editManifest: (m) => { m.generated_at = "2026-11-24T08:00:00+08:00"; } });
    expect((await ingestChecked(db, copy)).bundles[0].outcome).toBe("unchanged");
    expect(await withTestWarehouse(db, snapshot)).toEqual(before);
  });

  it("a changed re-delivery of a loaded week replaces that week whole", async () => {
    const { db, root } = await loadOne({ week: W47 });
    const members = defaultTables(W47).members.slice(0, 2);
    const changed = writeBundle(join(root, "redelivered"), { week: W47, tables: { members } });
    const report = await ingestChecked(db, changed);
    expect(report.bundles[0].outcome).toBe("replaced");
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select msisdn from raw_members order by 1")).toEqual([{ msisdn: "13800000001" }, { msisdn: "13800000002" }]);
      expect(await rows(conn, "select count(*)::int as n from raw_bundles")).toEqual([{ n: 1 }]);
    });
  });

  it("accepts a late (older) bundle after a newer one", async () => {
    const root = tempDir();
    const db = join(root, "wh.duckdb");
    await ingestChecked(db, writeBundle(join(root, "x"), { week: W47 }));
    const late = await ingestChecked(db, writeBundle(join(root, "x"), { week: W46 }));
    expect(late.bundles[0].outcome).toBe("loaded");
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select week, count(*)::int as n from raw_cdr group by 1 order by 1")).toEqual([
        { week: W46, n: 4 }, { week: W47, n: 4 },
      ]);
    });
  });

  it("loads a root oldest week first", async () => {
    const root = tempDir();
    writeBundle(join(root, "x"), { week: W47 });
    writeBundle(join(root, "x"), { week: W46 });
    const report = await ingestChecked(join(root, "wh.duckdb"), join(root, "x"));
    expect(report.bundles.map((b) => b.week)).toEqual([W46, W47]);
  });

  it("keeps every delivery of a bill month so the latest delivering week can win", async () => {
    const root = tempDir();
    const db = join(root, "wh.duckdb");
    const billing = (fee: number) => [{ ...defaultTables(W46).billing[0], total_fee: fee }];
    await ingestChecked(db, writeBundle(join(root, "x"), { week: W46, tables: { billing: billing(201.5) } }));
    await ingestChecked(db, writeBundle(join(root, "x"), { week: W47, tables: { billing: billing(180) } }));
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select week, total_fee_cny::double as fee from raw_billing where msisdn = '13800000001' order by week")).toEqual([
        { week: W46, fee: 201.5 }, { week: W47, fee: 180 },
      ]);
    });
  });
});
