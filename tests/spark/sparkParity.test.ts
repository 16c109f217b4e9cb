import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { runJob } from "../../pipelines/run/runJob.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { findSparkSubmit } from "../../pipelines/spark/findSparkSubmit.ts";
import { editBundle } from "../helpers/editBundle.ts";
import { runCli } from "../helpers/runCli.ts";
import { quietProgress } from "../helpers/runFixture.ts";
import { tempDir, withTestWarehouse } from "../helpers/warehouse.ts";
import { readText } from "../generate/generatedRun.ts";

const spark = findSparkSubmit();
if (spark.path === null) {
  // said once, plainly, in the test output: the parity test needs a real Spark
  console.warn(`Spark parity test skipped: ${spark.why}`);
}

/** Every row of a table or query, sorted, as JSON lines. */
async function table(conn: DuckDBConnection, statement: string): Promise<string[]> {
  return (await sql.query(conn, `${statement} order by all`)).map((r) => JSON.stringify(r));
}

/** Files under dir (relative), sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe.skipIf(spark.path === null)(`the feature stage on Spark equals DuckDB's (${spark.path ? `spark ${spark.version}, local[2]` : "skipped"})`, () => {
  const root = tempDir("cw-spark-");
  const extracts = join(root, "extracts");
  const featureBundles = join(root, "features");
  const fromRaw = { db: join(root, "raw", "wh.duckdb"), out: join(root, "raw", "out") };
  const fromSpark = { db: join(root, "spark", "wh.duckdb"), out: join(root, "spark", "out") };
  const edited = "2026-W40";
  let cdrFile = "";

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "spark-parity-key";
    // GBK, gzip and '|': the extract's hardest spelling, which both engines must read alike
    await generate({ out: extracts, groups: 14, weeks: 5, seed: 16, plantedShare: 1, cdrPerMember: 25, encoding: "gbk", gzip: true, delimiter: "|", startWeek: "2026-W37" });
    // one week also brings records each engine must refuse alike: a broken number, a time outside
    // the week, a record of too few fields, and a record_id delivered twice
    const bundle = join(extracts, edited);
    cdrFile = editBundle.manifest(bundle).files.find((f) => f.table === "cdr")!.path;
    const text = readText(join(bundle, cdrFile), "gbk");
    const [header, first] = text.split("\n");
    const fields = header.split("|");
    const record = (change: Record<string, string>) => first.split("|").map((v, i) => change[fields[i]] ?? v).join("|");
    const added = [
      record({ record_id: "BAD-1", msisdn: "1380000" }),
      record({ record_id: "BAD-2", start_time: "2025-01-01 10:00:00" }),
      "BAD-3|13800000000|MOC",
      record({ duration_s: "99" }), // its record_id is the first record's: refused as a duplicate
    ];
    writeFileSync(join(bundle, cdrFile), gzipSync(iconv.encode(`${text.replace(/\n$/, "")}\n${added.join("\n")}\n`, "gb18030")));
    editBundle.editManifest(bundle, (m) => { m.files.find((f) => f.path === cdrFile)!.rows += added.length; });

    const config = join(root, "churnwatch.json");
    writeFileSync(config, JSON.stringify({ ingest: { rejectLimitShare: 0.01 }, feedback: { folder: null } }));
    const features = await runCli(["features", "--engine", "spark", extracts, "--out", featureBundles, "--config", config]);
    expect(features.stderr).toMatch(/feature bundle written/);
    expect(features.status).toBe(0);
    for (const [path, target] of [[extracts, fromRaw], [featureBundles, fromSpark]] as const) {
      const report = await runJob({ path, db: target.db, outDir: target.out, loaded: loadConfig(config), command: "run", progress: quietProgress(), dashboard: false });
      expect(report.weeksFailed).toEqual([]);
      expect(report.ingest.bundles.map((b) => b.outcome)).toEqual(["loaded", "loaded", "loaded", "loaded", "loaded"]);
    }
  }, 600_000);

  it("writes a feature bundle per week: the snapshot files, the features as Parquet, a manifest naming its engine", () => {
    const manifest = JSON.parse(readFileSync(join(featureBundles, edited, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ contract: 1, kind: "features", features: 1, week: edited, encoding: "gbk", delimiter: "|" });
    expect(manifest.source.engine).toBe(`spark ${spark.path ? spark.version : ""}`);
    expect(manifest.files.map((f: { table: string }) => f.table).sort()).toEqual(
      ["billing", "feat_member_contact", "feat_member_handset", "groups", "managers", "members", "tac"]);
    expect(files(join(featureBundles, edited)).filter((f) => f.startsWith("features/"))).toEqual(
      ["features/feat_member_contact-000.parquet", "features/feat_member_handset-000.parquet"]);
  });

  it("refuses the same records as DuckDB, for the same reasons", async () => {
    const manifest = JSON.parse(readFileSync(join(featureBundles, edited, "manifest.json"), "utf8"));
    const file = manifest.source.cdr.find((f: { path: string }) => f.path === cdrFile);
    expect(file).toMatchObject({
      malformed: 1, duplicates: 1,
      refused: { "msisdn|not 11 digits": 1, "start_time|outside the bundle's week": 1 },
    });
    const rawRefused = await withTestWarehouse(fromRaw.db, (conn) =>
      sql.query<{ n: number }>(conn, "select count(*)::integer as n from raw_rejects where week = $week", { week: edited }));
    expect(rawRefused[0].n).toBe(4);
    // both warehouses count the same records behind the week
    const loaded = async (db: string) => withTestWarehouse(db, (conn) =>
      sql.query<{ week: string; cdr: number }>(conn, "select week, (rows_by_table->>'cdr')::integer as cdr from raw_bundles order by week"));
    expect(await loaded(fromSpark.db)).toEqual(await loaded(fromRaw.db));
  });

  it("gives the same features, signals, scores, tiers and call lists, row for row", async () => {
    const statements = [
      "select * from feat_member_contact",
      "select * from feat_member_handset",
      "select * from pub_group_week",
      "select * from pub_group_signal",
      "select * from pub_member_week",
      "select * from pub_member_signal",
      "select * from pub_call_list",
    ];
    const a = await withTestWarehouse(fromRaw.db, async (conn) => Promise.all(statements.map((s) => table(conn, s))));
    const b = await withTestWarehouse(fromSpark.db, async (conn) => Promise.all(statements.map((s) => table(conn, s))));
    statements.forEach((statement, i) => {
      expect(a[i].length, statement).toBeGreaterThan(0);
      expect(b[i], statement).toEqual(a[i]);
    });
    const tiers = await withTestWarehouse(fromSpark.db, (conn) => table(conn, "select distinct tier from pub_group_week"));
    expect(tiers.length).toBeGreaterThan(1);
  });

  it("exports the same call lists and at-risk groups, byte for byte", () => {
    const exported = files(fromRaw.out).filter((f) => /\.(csv|xlsx)$/.test(f));
    expect(exported.some((f) => f.includes("calls"))).toBe(true);
    expect(files(fromSpark.out).filter((f) => /\.(csv|xlsx)$/.test(f))).toEqual(exported);
    for (const f of exported) expect(readFileSync(join(fromSpark.out, f)), f).toEqual(readFileSync(join(fromRaw.out, f)));
  });

  it("loads a feature bundle once: the same bundle again changes nothing", async () => {
    const again = await runCli(["ingest", featureBundles, "--db", fromSpark.db, "--json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).ingest.bundles.map((b: { outcome: string }) => b.outcome)).toEqual(Array(5).fill("unchanged"));
  });
});
