import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { lowerMemoryForLoad } from "../../pipelines/db/lowerMemoryForLoad.ts";
import { sizeBytes } from "../../pipelines/config/sizeBytes.ts";
import { sql } from "../../pipelines/db/sql.ts";
import { rows, tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";

/**
 * A bundle's files are read, checked and stored under warehouse.loadMemoryLimit (a city week's load
 * peaked 1 GB lower under 1GB than under 2GB, at the same speed); its features, and whatever follows
 * in the same process such as the weekly job's scoring, get memoryLimit back.
 */
describe("the memory limit while bundles load", () => {
  const root = tempDir("cw-loadmem-");
  const config = testConfig({ warehouse: { memoryLimit: "512MB", loadMemoryLimit: "128MB" } });
  /**
   * DuckDB's memory_limit now, in bytes (it reports it in MiB, rounded). Only the helper and the
   * state an ingest leaves are observable: one connection cannot be queried while it loads.
   */
  const limitNow = async (conn: DuckDBConnection) => {
    const [{ shown }] = await rows(conn, "select current_setting('memory_limit') as shown");
    return sizeBytes(String(shown));
  };
  const near = (bytes: number, size: string) => Math.abs(bytes - sizeBytes(size)) / sizeBytes(size) < 0.01;

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "loadmem-test-key";
    await generate({ out: join(root, "extracts"), groups: 6, weeks: 2, seed: 3, cdrPerMember: 10 });
  });

  it("lowers DuckDB's limit to loadMemoryLimit, and gives memoryLimit back once", async () => {
    await withTestWarehouse(join(root, "a.duckdb"), async (conn) => {
      expect(near(await limitNow(conn), "512MB")).toBe(true);
      const restore = await lowerMemoryForLoad(conn, config.warehouse);
      expect(near(await limitNow(conn), "128MB")).toBe(true);
      await restore();
      expect(near(await limitNow(conn), "512MB")).toBe(true);
      await sql.exec(conn, "set memory_limit = '300MB'");
      await restore(); // a second call changes nothing
      expect(near(await limitNow(conn), "300MB")).toBe(true);
    }, config);
  });

  it("never raises the limit above memoryLimit", async () => {
    const higher = testConfig({ warehouse: { memoryLimit: "256MB", loadMemoryLimit: "1GB" } });
    await withTestWarehouse(join(root, "c.duckdb"), async (conn) => {
      await lowerMemoryForLoad(conn, higher.warehouse);
      expect(near(await limitNow(conn), "256MB")).toBe(true);
    }, higher);
  });

  it("loads every bundle, then leaves the warehouse at memoryLimit for scoring", async () => {
    await withTestWarehouse(join(root, "d.duckdb"), async (conn) => {
      const report = await ingestPath(conn, join(root, "extracts"), config, { tempDir: join(root, ".tmp") });
      expect(report.bundles.map((b) => b.outcome)).toEqual(["loaded", "loaded"]);
      expect(near(await limitNow(conn), "512MB")).toBe(true);
    }, config);
  });
});
