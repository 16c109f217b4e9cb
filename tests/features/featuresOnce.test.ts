import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { pruneRawCdr } from "../../pipelines/features/pruneRawCdr.ts";
import { clearWeekFeatures } from "../../pipelines/features/clearWeekFeatures.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { loadConfig, configHash } from "../../pipelines/config/loadConfig.ts";
import { configSchema } from "../../pipelines/config/configSchema.ts";
import { tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

const loaded = loadConfig();

/** What users see of every week: the published groups, member warnings and call lists' people. */
async function published(conn: DuckDBConnection): Promise<string[]> {
  const rows = async (statement: string) => (await sql.query(conn, statement)).map((r) => JSON.stringify(r));
  return [
    ...(await rows("select * exclude (config_hash) from pub_group_week order by all")),
    ...(await rows("select * from pub_member_signal order by all")),
    ...(await rows("select * from pub_member_week order by all")),
  ];
}

/** The rows of `b` not in `a` (a short diff instead of two whole warehouses). */
const differing = (a: string[], b: string[]) => {
  const left = new Set(a);
  return b.filter((row) => !left.has(row)).slice(0, 3);
};

async function loadAndScore(db: string, extracts: string, root: string, before?: (conn: DuckDBConnection) => Promise<void>): Promise<string[]> {
  return withTestWarehouse(db, async (conn) => {
    const report = await ingestPath(conn, extracts, loaded.config, { tempDir: join(root, ".tmp") });
    if (before) await before(conn);
    const weeks = report.bundles.map((b) => b.week!).sort();
    await scoreWeeks(conn, weeks, loaded);
    return weeks;
  });
}

describe("features are computed once, when a bundle is loaded", () => {
  const root = tempDir("cw-features-");
  const extracts = join(root, "extracts");
  const stored = join(root, "stored.duckdb");
  const fromRaw = join(root, "from-raw.duckdb");
  let weeks: string[] = [];

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "features-test-key";
    await generate({ out: extracts, groups: 12, weeks: 6, seed: 11, plantedShare: 1, cdrPerMember: 25 });
    weeks = await loadAndScore(stored, extracts, root);
    // the same bundles, their features thrown away after loading: scoring computes them from the records
    await loadAndScore(fromRaw, extracts, root, async (conn) => {
      for (const table of ["feat_member_contact", "feat_member_handset", "feature_weeks"]) await sql.exec(conn, `delete from ${table}`);
    });
  });

  it("stores each loaded week's contact ties and handsets when its bundle is loaded", async () => {
    await withTestWarehouse(stored, async (conn) => {
      const booked = await sql.query<{ week: string; contact_rows: number }>(conn, "select week, contact_rows::integer as contact_rows from feature_weeks order by week");
      expect(booked.map((b) => b.week)).toEqual(weeks);
      for (const b of booked) expect(b.contact_rows).toBeGreaterThan(0);
    });
  });

  it("gives the same scores, tiers, warnings and members as features computed from the records at scoring", async () => {
    const a = await withTestWarehouse(stored, published);
    const b = await withTestWarehouse(fromRaw, published);
    expect(a.length).toBeGreaterThan(1000);
    expect(differing(a, b)).toEqual([]);
    expect(b.length).toBe(a.length);
  });

  it("keeps raw records for the retention only, and rescoring every week without them changes nothing", async () => {
    const config = configSchema.parse({ warehouse: { rawCdrRetentionWeeks: 2 } });
    await withTestWarehouse(stored, async (conn) => {
      const before = await published(conn);
      expect(await pruneRawCdr(conn, config)).toBeGreaterThan(0);
      const kept = await sql.query<{ week: string }>(conn, "select distinct week from raw_cdr order by week");
      expect(kept.map((k) => k.week)).toEqual(weeks.slice(-2));
      // every week scored again from its stored features alone
      await sql.exec(conn, "delete from score_runs");
      await scoreWeeks(conn, weeks, { config, hash: configHash(config) });
      const after = await published(conn);
      expect(differing(before, after)).toEqual([]);
      expect(after.length).toBe(before.length);
    });
  });

  // An extract's features are computed in their own transaction, right after the bundle's commits.
  it("a week stopped between its load and its features keeps its records through a prune, and scoring computes them", async () => {
    const prune = configSchema.parse({ warehouse: { rawCdrRetentionWeeks: 1 } });
    await withTestWarehouse(fromRaw, async (conn) => {
      const before = await published(conn);
      const [stopped] = weeks;
      await clearWeekFeatures(conn, stopped); // what the bundle's commit leaves until its features commit
      await pruneRawCdr(conn, prune);
      const kept = await sql.query<{ week: string }>(conn, "select distinct week from raw_cdr order by week");
      expect(kept.map((k) => k.week)).toEqual([stopped, weeks.at(-1)]);
      await sql.exec(conn, "delete from score_runs");
      await scoreWeeks(conn, weeks, loaded);
      const booked = await sql.query<{ week: string }>(conn, "select week from feature_weeks where week = $week", { week: stopped });
      expect(booked).toHaveLength(1);
      const after = await published(conn);
      expect(differing(before, after)).toEqual([]);
      expect(after.length).toBe(before.length);
    });
  });
});
