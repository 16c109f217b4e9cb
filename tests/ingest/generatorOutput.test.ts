import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { generate } from "../../pipelines/generate/generate.ts";
import { tempDir, ingest, withTestWarehouse, rows } from "../helpers/warehouse.ts";
import { expectIngestInvariant } from "../helpers/ingestInvariant.ts";

describe("ingest: the generator's bundles", () => {
  it.each([
    ["UTF-8 with ','", {}],
    ["GBK with '|' and gzip", { encoding: "gbk" as const, delimiter: "|" as const, gzip: true }],
  ])("load with zero rejects (%s), every row of every week", async (_name, variant) => {
    const root = tempDir();
    const data = await generate({ out: join(root, "extracts"), groups: 10, weeks: 3, seed: 11, cdrPerMember: 30, plantedShare: 1, ...variant });
    const db = join(root, "wh.duckdb");
    const report = await ingest(db, data.out);
    expect(report.bundles.map((b) => b.outcome)).toEqual(["loaded", "loaded", "loaded"]);
    await expectIngestInvariant(db, data.out, report, new Map());
    for (const bundle of report.bundles) {
      for (const file of bundle.rejects) expect(file.rejected, `${bundle.week} ${file.file}`).toBe(0);
    }
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select count(*)::int as n from raw_rejects")).toEqual([{ n: 0 }]);
      const [cdr] = await rows(conn, "select count(*)::int as n from raw_cdr");
      expect(cdr.n).toBe(data.cdrRows);
      // Chinese names arrive intact through GBK and gzip: every name holds a CJK character.
      const [names] = await rows(conn, "select count(*)::int as n from raw_groups where regexp_matches(group_name, $cjk)", { cjk: "[一-龥]" });
      expect(names.n).toBe(30);
    });
  });
});
