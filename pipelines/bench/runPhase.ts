import { readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { listValue } from "@duckdb/node-api";
import { configSchema } from "../config/configSchema.ts";
import { loadConfig } from "../config/loadConfig.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { sql } from "../db/sql.ts";
import { ingestPath } from "../ingest/ingestPath.ts";
import type { PhaseResult } from "./measureChild.ts";

type Args = Record<string, string | number>;
type Phase = (args: Args) => Promise<Record<string, unknown>>;

const config = configSchema.parse({});

const PHASES: Record<string, Phase> = {
  /** Synthetic weeks from the project's own generator. */
  async generate(args) {
    const { generate } = await import("../generate/generate.ts");
    const result = await generate({
      out: String(args.out), groups: Number(args.groups), weeks: Number(args.weeks), seed: 7,
      startWeek: String(args.startWeek), cdrPerMember: Number(args.cdrPerMember),
    });
    return { result };
  },

  /** churnwatch ingest, as the CLI runs it. */
  async ingest(args) {
    const db = String(args.db);
    const report = await withWarehouse({ db, warehouse: config.warehouse }, (conn) =>
      ingestPath(conn, String(args.path), config, { tempDir: join(dirname(db), ".tmp") }),
    );
    const failed = report.bundles.filter((b) => b.outcome === "failed");
    if (failed.length > 0) throw new Error(failed.map((b) => b.message).join("\n"));
    const cdrRows = report.bundles.reduce((sum, b) => sum + (b.rows.cdr ?? 0), 0);
    return { cdrRows, bundles: report.bundles.map((b) => ({ week: b.week, outcome: b.outcome, seconds: b.durationMs / 1000, stagesMs: b.stagesMs })) };
  },

  /** Scores every loaded week but the last (untimed history), then the last one, timed by layer. */
  async score(args) {
    const { scoreWeeks } = await import("../score/scoreWeeks.ts");
    const loaded = loadConfig();
    return withWarehouse({ db: String(args.db), warehouse: config.warehouse }, async (conn) => {
      const weeks = (await sql.query<{ week: string }>(conn, "select week from raw_bundles order by week")).map((r) => r.week);
      const history = weeks.slice(0, -1);
      const historyStarted = performance.now();
      await scoreWeeks(conn, history, loaded);
      const historySeconds = (performance.now() - historyStarted) / 1000;
      const rssBefore = process.resourceUsage().maxRSS;
      const started = performance.now();
      const [report] = await scoreWeeks(conn, [weeks.at(-1)!], loaded);
      const [{ n: members }] = await sql.query<{ n: number }>(conn, "select count(*)::integer as n from raw_members where week = $week", { week: report.week });
      const [{ n: cdr }] = await sql.query<{ n: number }>(conn, "select count(*)::integer as n from raw_cdr where week = $week", { week: report.week });
      return {
        week: report.week, seconds: (performance.now() - started) / 1000, layersMs: report.timingsMs,
        members: Number(members), cdrRows: Number(cdr), weeksLoaded: weeks.length, historySeconds,
        peakRssBeforeMb: Math.round(rssBefore / 1024),
      };
    });
  },

  /** The dashboard build from the scored warehouse, and the overview page's transfer in Chromium. */
  async dashboard(args) {
    const { measureDashboard } = await import("../dashboard/measureDashboard.ts");
    const measure = await measureDashboard({ db: String(args.db), outDir: String(args.outDir) });
    return { ...measure };
  },

  /** The yardstick: DuckDB's plain read_csv of the same CDR files into a table, types given. */
  async plainRead(args) {
    const dir = join(String(args.path), "cdr");
    const files = readdirSync(dir).map((f) => join(dir, f));
    return withWarehouse({ db: String(args.db), warehouse: config.warehouse }, async (conn) => {
      await sql.exec(
        conn,
        `create or replace table plain_cdr as select * from read_csv($files, header = true, delim = ',', columns = {
           'record_id': 'VARCHAR', 'msisdn': 'VARCHAR', 'record_type': 'VARCHAR', 'other_party': 'VARCHAR',
           'other_network': 'VARCHAR', 'start_time': 'TIMESTAMP', 'duration_s': 'INTEGER', 'cell_id': 'VARCHAR',
           'imei': 'VARCHAR'})`,
        { files: listValue(files) },
      );
      const [{ n: rows }] = await sql.query<{ n: number }>(conn, "select count(*)::double as n from plain_cdr");
      return { rows: Number(rows) };
    });
  },
};

const [phase, rawArgs] = process.argv.slice(2);
const started = performance.now();
const figures = await PHASES[phase](JSON.parse(rawArgs) as Args);
const result: PhaseResult = {
  phase,
  seconds: (performance.now() - started) / 1000,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  figures,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
