import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import { generate } from "../../pipelines/generate/generate.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { editBundle } from "../helpers/editBundle.ts";
import { featureBundleFromWarehouse } from "../helpers/featureBundle.ts";
import { ingest, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

const WEEK = "2026-W39";

/** What a warehouse holds of the week's features, sorted. */
async function features(db: string): Promise<string[]> {
  return withTestWarehouse(db, async (conn) => {
    await sql.script(conn, "features/schema.sql"); // a warehouse that loaded nothing has no feature tables yet
    return [
    ...(await sql.query(conn, "select * from feat_member_contact where week = $week order by all", { week: WEEK })),
    ...(await sql.query(conn, "select * from feat_member_handset where week = $week order by all", { week: WEEK })),
    ].map((r) => JSON.stringify(r));
  });
}

describe("a feature bundle loads like an extract bundle: validated, whole or not at all, once", () => {
  const root = tempDir("cw-featbundle-");
  const extracts = join(root, "extracts");
  const reference = join(root, "reference.duckdb");
  const extract = join(extracts, WEEK);
  let n = 0;
  const fresh = () => join(root, `wh-${n++}.duckdb`);

  beforeAll(async () => {
    await generate({ out: extracts, groups: 6, weeks: 2, seed: 4, cdrPerMember: 20, startWeek: "2026-W38" });
    await ingest(reference, extract);
  }, 120_000);

  it("loads the features in place of the records, books the week, and a second load changes nothing", async () => {
    const bundle = join(root, "ok");
    await featureBundleFromWarehouse(reference, extract, bundle);
    const db = fresh();
    const first = await ingest(db, bundle);
    expect(first.bundles[0]).toMatchObject({ outcome: "loaded", week: WEEK });
    expect(await features(db)).toEqual(await features(reference));
    await withTestWarehouse(db, async (conn) => {
      const [booked] = await sql.query<{ source: string; raw: number }>(conn,
        "select source, (select count(*)::integer from raw_cdr) as raw from feature_weeks where week = $week", { week: WEEK });
      expect(booked).toEqual({ source: "feature_bundle", raw: 0 });
    });
    expect((await ingest(db, bundle)).bundles[0].outcome).toBe("unchanged");
  });

  it("refuses a file whose rows are not what the manifest declares, naming the file", async () => {
    const bundle = join(root, "rows");
    await featureBundleFromWarehouse(reference, extract, bundle);
    editBundle.editManifest(bundle, (m) => { m.files.find((f) => f.table === ("feat_member_handset" as never))!.rows += 1; });
    const db = fresh();
    const report = await ingest(db, bundle);
    expect(report.bundles[0].outcome).toBe("failed");
    expect(report.bundles[0].message).toMatch(/features\/feat_member_handset-000\.parquet: manifest says \d+ rows, the file has \d+/);
    expect(await features(db)).toEqual([]);
  });

  it("refuses a broken row, naming file, row, column and reason — never the value — and loads nothing of the week", async () => {
    const bundle = join(root, "value");
    await featureBundleFromWarehouse(reference, extract, bundle, {
      select: {
        feat_member_contact: `select * exclude (n) replace (case when n = 3 then '1380013' else msisdn end as msisdn)
          from (select *, row_number() over (order by msisdn, other_party, other_network) as n from feat_member_contact where week = '${WEEK}') order by n`,
      },
    });
    const db = fresh();
    const report = await ingest(db, bundle);
    expect(report.bundles[0].outcome).toBe("failed");
    expect(report.bundles[0].message).toContain("features/feat_member_contact-000.parquet row 3: msisdn: not 11 digits");
    expect(report.bundles[0].message).not.toContain("1380013");
    expect(await features(db)).toEqual([]);
    await withTestWarehouse(db, async (conn) => {
      expect(await sql.query(conn, "select * from raw_members")).toEqual([]);
    });
  });

  it("refuses a key delivered twice", async () => {
    const bundle = join(root, "key");
    await featureBundleFromWarehouse(reference, extract, bundle, {
      select: { feat_member_handset: `(select * from feat_member_handset where week = '${WEEK}' order by all) union all (select * from feat_member_handset where week = '${WEEK}' order by all limit 1)` },
    });
    const report = await ingest(fresh(), bundle);
    expect(report.bundles[0].message).toMatch(/features\/feat_member_handset-000\.parquet row \d+: msisdn\+imei: duplicate key/);
  });

  it("refuses a file without a column of the warehouse table", async () => {
    const bundle = join(root, "column");
    await featureBundleFromWarehouse(reference, extract, bundle, {
      select: { feat_member_handset: `select * exclude (day_mask) from feat_member_handset where week = '${WEEK}'` },
    });
    const report = await ingest(fresh(), bundle);
    expect(report.bundles[0].message).toContain("features/feat_member_handset-000.parquet: lacks column day_mask (INTEGER)");
  });

  it("counts the records the other engine refused against the same limit as an extract's", async () => {
    const bundle = join(root, "refused");
    const manifest = await featureBundleFromWarehouse(reference, extract, bundle);
    const cdr = (manifest.source as { cdr: Array<{ path: string; rows: number }> }).cdr[0];
    editBundle.editManifest(bundle, (m) => {
      Object.assign((m as unknown as { source: { cdr: object[] } }).source.cdr[0], { refused: { "msisdn|not 11 digits": 7 }, malformed: 1 });
    });
    const report = await ingest(fresh(), bundle);
    expect(report.bundles[0].outcome).toBe("failed");
    expect(report.bundles[0].message).toContain(`manifest.json: source file ${cdr.path}: 8 of ${cdr.rows} rows refused`);
    expect(report.bundles[0].message).toContain("7 × msisdn: not 11 digits");
  });

  it("refuses a feature bundle of a version it does not know", async () => {
    const bundle = join(root, "version");
    await featureBundleFromWarehouse(reference, extract, bundle);
    editBundle.editManifest(bundle, (m) => { (m as unknown as { features: number }).features = 2; });
    const report = await ingest(fresh(), bundle);
    expect(report.bundles[0].message).toMatch(/manifest\.json: does not follow the feature bundle contract: features: /);
  });
});
