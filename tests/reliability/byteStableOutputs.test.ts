import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../pipelines/generate/generate.ts";
import { ingestPath } from "../../pipelines/ingest/ingestPath.ts";
import { scoreWeeks } from "../../pipelines/score/scoreWeeks.ts";
import { exportWeek } from "../../pipelines/export/exportWeek.ts";
import { listFiles } from "../../pipelines/export/listFiles.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { weekTables } from "../../pipelines/score/weekStages.ts";
import { rows, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";

// Promise: the same data scored again gives the same bytes — member_signals.csv, the call lists,
// every scoring table (issue 13, finding 7: dual_phone evidence came in row-arrival order, and
// sums of doubles differed in their last digits with the order threads added them).

// What a rescore may change: when and how long it took.
const CLOCK = new Set(["scored_at", "duration_ms", "scoredAt", "durationMs", "timingsMs", "modelTimingsMs"]);

function withoutClock(key: string, value: unknown): unknown {
  if (CLOCK.has(key)) return undefined;
  if (key === "report" && typeof value === "string") return JSON.parse(value, (k, v) => (CLOCK.has(k) ? undefined : v));
  return value;
}

/** Where two texts first differ, with some context either side (for the failure message). */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return at === a.length && a.length === b.length ? "same" : `…${a.slice(at - 60, at + 60)}… became …${b.slice(at - 60, at + 60)}…`;
}

/** Every scoring table's rows, as sorted text, times left out. */
async function scoringTables(db: string): Promise<Record<string, string>> {
  return withTestWarehouse(db, async (conn) => {
    const out: Record<string, string> = {};
    for (const table of weekTables().kept) {
      const data = await rows(conn, `select * from ${table}`);
      out[table] = data.map((r) => JSON.stringify(r, withoutClock)).sort().join("\n");
    }
    return out;
  });
}

describe("rescoring the same data", () => {
  const root = tempDir("cw-stable-");
  const db = join(root, "wh.duckdb");
  const loaded = loadConfig();
  let weeks: string[] = [];

  /** Scores every week (again) and exports the latest to out/<pass>. */
  async function scoreAndExport(pass: string) {
    await withTestWarehouse(db, async (conn) => {
      await scoreWeeks(conn, weeks, loaded);
      await exportWeek(conn, { db, outDir: join(root, pass), week: weeks.at(-1), loaded, context: { command: "export", durationsMs: {} } });
    });
    return scoringTables(db);
  }

  beforeAll(async () => {
    process.env.CHURNWATCH_PSEUDONYM_KEY = "stable-outputs-test";
    // Enough groups for dual-phone members with several models and for DuckDB to add in parallel.
    const data = await generate({ out: join(root, "extracts"), groups: 40, weeks: 6, seed: 5, cdrPerMember: 60 });
    weeks = data.weeks.map((w) => w.week);
    await withTestWarehouse(db, (conn) => ingestPath(conn, data.out, loaded.config, { tempDir: join(root, ".tmp") }));
  });

  it("gives identical scoring tables and byte-identical exports", async () => {
    const first = await scoreAndExport("first");
    const second = await scoreAndExport("second");
    for (const table of Object.keys(first)) expect(second[table], `${table}: ${firstDifference(first[table], second[table])}`).toBe(first[table]);
    expect(first.member_signals).toContain('"models\\":\\"forwarding;'); // a member with several dual-phone models was scored

    const week = weeks.at(-1)!;
    const files = listFiles(join(root, "first", week)).filter((f) => f !== "run_report.json"); // it holds durations
    expect(files).toEqual(expect.arrayContaining(["member_signals.csv", "at_risk_groups.csv"]));
    expect(files.some((f) => f.startsWith("calls/"))).toBe(true);
    expect(listFiles(join(root, "second", week)).filter((f) => f !== "run_report.json")).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(root, "second", week, file)).equals(readFileSync(join(root, "first", week, file))), file).toBe(true);
    }
  });
});
