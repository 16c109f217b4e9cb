import { existsSync, readdirSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { sql } from "../../pipelines/db/sql.ts";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../pipelines/config/configSchema.ts";
import { SIGNAL_CODES } from "../../pipelines/config/scoringConfig.ts";
import { bucketCount, groupBucket } from "../../pipelines/dashboard/groupBucket.ts";
import { unwordedKeys, wordThresholds } from "../../pipelines/dashboard/thresholdWords.ts";
import { tempDir } from "../helpers/warehouse.ts";
// The pages' own modules (plain JavaScript, run in the browser; nothing in them needs a DOM here).
// @ts-expect-error no type declarations for the site's JavaScript
import { groupBucket as pageGroupBucket } from "../../src/components/groupBucket.js";
// @ts-expect-error no type declarations for the site's JavaScript
import { toCsv } from "../../src/components/csv.js";
// @ts-expect-error no type declarations for the site's JavaScript
import { isoWeekDate } from "../../src/components/drillData.js";
// @ts-expect-error no type declarations for the site's JavaScript
import { frameworkClientPackages, NOT_INSTALLED, seedFrameworkNpmVersions } from "../../pipelines/dashboard/frameworkOffline.js";

describe("Methodology words every threshold (issue 14)", () => {
  const defaults = configSchema.parse({});

  it("has words for every key of the signals and scoring sections", () => {
    expect(unwordedKeys(defaults)).toEqual([]);
  });

  it("gives each signal its thresholds and weight, with units, never a path or null", () => {
    const words = wordThresholds(defaults as unknown as { signals: Record<string, unknown>; scoring: Record<string, unknown> }, SIGNAL_CODES);
    for (const code of SIGNAL_CODES) {
      const labels = words.signals[code].map((w) => w.label);
      expect(labels.length, code).toBeGreaterThanOrEqual(2);
      expect(labels, code).toContain("满严重度时带来的分数（加成前）");
    }
    const all = [...Object.values(words.signals).flat(), ...words.baseline, ...words.scoring, ...words.general];
    for (const { label, value } of all) {
      expect(`${label} ${value}`).not.toMatch(/null|undefined|NaN|signals\.|scoring\.|其他参数/);
      expect(value).not.toBe("");
    }
    expect(words.scoring.find((w) => w.label === "风险分达到此值为高风险")?.value).toBe("70 分（满分 100）");
    expect(words.baseline.find((w) => w.label === "基线取此前若干周的中位数")?.value).toBe("4 周");
    expect(words.signals.arpu_drop.find((w) => w.label === "本周须致电")?.value).toBe("不单独要求本周致电");
    expect(words.signals.mou_drop.find((w) => w.label.startsWith("成员通话分钟降幅") && w.label.endsWith("严重度 1"))?.value).toBe("50%");
  });
});

describe("drill-down files", () => {
  it("the page finds a group's file as the loader put it there (same hash in TypeScript and in the browser's JavaScript)", () => {
    const pages = ["G000001", "G123456", "x-e99b9be5", "A-b_c", ...Array.from({ length: 500 }, (_, i) => `G${String(i * 7919).padStart(6, "0")}`)];
    for (const buckets of [1, 2, 13, 417]) for (const page of pages) expect(pageGroupBucket(page, buckets)).toBe(groupBucket(page, buckets));
    // ~12 groups a file: a city's 5,000 groups in 417 files.
    expect(bucketCount(5000)).toBe(417);
    expect(bucketCount(0)).toBe(1);
  });

  it("dates a weekday of an ISO week", () => {
    expect(isoWeekDate("2026-W43", 1)).toBe("2026-10-19");
    expect(isoWeekDate("2026-W43", 7)).toBe("2026-10-25");
    expect(isoWeekDate("2027-W01", 1)).toBe("2027-01-04");
    expect(isoWeekDate("2026-W01", 1)).toBe("2025-12-29");
  });
});

describe("CSV downloads from the pages", () => {
  it("writes UTF-8 with a BOM, RFC 4180 quoting, CRLF, and neutralises text that would start a formula", () => {
    const text = toCsv(["group_name", "risk_score", "note"], [["临江 \"A\", 公司", 63.4, "=HYPERLINK(1)"], ["B", -2.5, "-3"]]);
    expect(text).toBe('\uFEFFgroup_name,risk_score,note\r\n"临江 ""A"", 公司",63.4,\'=HYPERLINK(1)\r\nB,-2.5,-3\r\n');
  });
});

describe("the build asks no registry (issue 14)", () => {
  it("names a version for every npm package Framework's client code resolves, react-dom included", () => {
    const packages: string[] = frameworkClientPackages();
    for (const name of ["react-dom", "react", "leaflet", "echarts", "arquero", "parquet-wasm", "d3", "@observablehq/plot"]) expect(packages).toContain(name);
    const root = tempDir("cw-npm-");
    const created: string[] = seedFrameworkNpmVersions(root);
    expect(created.length).toBe(packages.length);
    const cache = join(root, ".observablehq", "cache", "_npm");
    expect(readdirSync(cache)).toContain(`react-dom@${NOT_INSTALLED}`);
    // Installed packages are named with the version in node_modules.
    expect(readdirSync(cache).some((e) => /^d3@\d+\.\d+\.\d+$/.test(e))).toBe(true);
    expect(existsSync(join(cache, "@observablehq"))).toBe(true);
    // Seeding again changes nothing.
    expect(seedFrameworkNpmVersions(root)).toEqual([]);
  });
});

describe("Signal quality shows the latest backtest run", () => {
  it("chosen by its exact time, not a minute-truncated text (two runs in one minute)", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      await sql.script(conn, "backtest/schema.sql");
      const insert = (id: string, at: string) =>
        sql.exec(conn, `insert into backtest_runs (run_id, run_at, horizon_weeks, weeks_evaluated, weeks_complete, weeks_incomplete, config_hash, scores_config_hashes, settings, duration_ms)
                        values ($id, $at::timestamp, 8, 1, 1, 0, 'h', 'h', '{}', 1)`, { id, at });
      // The later run inserted first: neither insertion order nor the minute text may decide.
      await insert("later", "2026-12-01 10:00:50.250");
      await insert("earlier", "2026-12-01 10:00:10.100");
      const [run] = await sql.rows<{ run_id: string; run_at: string }>(conn, "dashboard/backtest_run.sql");
      expect(run).toMatchObject({ run_id: "later", run_at: "2026-12-01 10:00:50" });
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
