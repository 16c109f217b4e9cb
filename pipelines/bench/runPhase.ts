/**
 * One benchmark phase, in its own process (pipelines/bench/measureChild.ts starts it):
 * `runPhase.ts PHASE JSON-ARGS`; the result goes to the file named by env BENCH_RESULT, so that the
 * phase's stdout stays what the command printed (a `--json` report).
 */
import { writeFileSync } from "node:fs";
import { DuckDBInstance, listValue } from "@duckdb/node-api";
import { configSchema } from "../config/configSchema.ts";
import { featuresSecondsIn } from "./benchFigures.ts";

type Args = Record<string, unknown>;
type Phase = (args: Args) => Promise<Record<string, unknown>>;

const config = configSchema.parse({});

/** The CDR columns with their contract types: the plain script knows its schema, as churnwatch does. */
const CDR_COLUMNS = `{
  'record_id': 'VARCHAR', 'msisdn': 'VARCHAR', 'record_type': 'VARCHAR', 'other_party': 'VARCHAR',
  'other_network': 'VARCHAR', 'start_time': 'TIMESTAMP', 'duration_s': 'INTEGER', 'cell_id': 'VARCHAR',
  'imei': 'VARCHAR'}`;

/** Runs one churnwatch command line in this process, as bin/churnwatch.js does; fails on a non-zero status. */
async function churnwatch(argv: string[]): Promise<{ featuresSeconds: number[] }> {
  const { main } = await import("../cli.ts");
  // Tee stderr: the ingest logs '<bundle>: features N s' for the features step of each bundle.
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(argv);
  } finally {
    process.stderr.write = write;
  }
  if (code !== 0) {
    // the command's own message ('churnwatch score: …'), first line, says why
    const why = stderr.join("").split("\n").find((l) => l.startsWith(`churnwatch ${argv[0]}:`));
    throw new Error(`churnwatch ${argv[0]} exited with ${code}${why ? `: ${why.slice(`churnwatch ${argv[0]}: `.length)}` : ""}`);
  }
  return { featuresSeconds: featuresSecondsIn(stderr.join("")) };
}

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

  /** One churnwatch command line (args.argv), as the CLI runs it. */
  async cli(args) {
    return churnwatch(args.argv as string[]);
  },

  /** Several command lines in one process, untimed set-up (the warm week's earlier weeks). */
  async cliSequence(args) {
    for (const argv of args.lines as string[][]) await churnwatch(argv);
    return {};
  },

  /**
   * The yardstick: DuckDB's plain read_csv of the given CDR files, types given, with the warehouse's
   * memory limit. aggregate "none": into a table; "stored": into a table, then one aggregation over
   * it (per member: records and seconds) into another; "streamed": only that aggregation, straight
   * over read_csv, nothing else stored.
   */
  async plain(args) {
    const files = listValue(args.files as string[]);
    const instance = await DuckDBInstance.create(String(args.db), { memory_limit: String(args.memoryLimit ?? config.warehouse.memoryLimit) });
    const conn = await instance.connect();
    try {
      const read = `read_csv($files, header = true, delim = ',', columns = ${CDR_COLUMNS})`;
      const aggregate = (from: string) =>
        `create table plain_member_totals as select msisdn, count(*) as records, sum(duration_s) as seconds from ${from} group by msisdn`;
      if (args.aggregate === "streamed") {
        await conn.run(aggregate(read), { files });
      } else {
        await conn.run(`create table plain_cdr as select * from ${read}`, { files });
        if (args.aggregate === "stored") await conn.run(aggregate("plain_cdr"));
      }
      const table = args.aggregate === "none" ? "plain_cdr" : "plain_member_totals";
      const rows = (await conn.runAndReadAll(`select count(*)::double from ${table}`)).getRows()[0][0];
      return { rows: Number(rows) };
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  },

  /**
   * The features step alone, on a warehouse the week is loaded in: computeWeekFeatures as the ingest
   * runs it, inside a transaction that is rolled back (the warehouse is left as it was).
   */
  async features(args) {
    const { withWarehouse } = await import("../db/withWarehouse.ts");
    const { computeWeekFeatures } = await import("../features/computeWeekFeatures.ts");
    return withWarehouse({ db: String(args.db), warehouse: config.warehouse }, async (conn) => {
      await conn.run("begin transaction");
      const started = performance.now();
      try {
        await computeWeekFeatures(conn, String(args.week));
        return { featuresSeconds: (performance.now() - started) / 1000 };
      } finally {
        await conn.run("rollback");
      }
    });
  },

  /** After a CHECKPOINT: DuckDB's own account of the file (blocks used and free) and what it holds. */
  async dbSize(args) {
    const instance = await DuckDBInstance.create(String(args.db), { memory_limit: config.warehouse.memoryLimit });
    const conn = await instance.connect();
    try {
      await conn.run("checkpoint");
      const one = async (q: string) => (await conn.runAndReadAll(q)).getRowObjectsJson()[0] as Record<string, unknown>;
      const size = await one("select block_size::bigint as block_size, total_blocks::bigint as total_blocks, used_blocks::bigint as used_blocks, free_blocks::bigint as free_blocks, wal_size from pragma_database_size()");
      const raw = await one("select count(*)::bigint as rows, count(distinct week)::bigint as weeks from raw_cdr");
      const bundles = await one("select count(*)::bigint as weeks from raw_bundles");
      const features = await one("select (select count(*) from feature_weeks)::bigint as weeks, (select count(*) from feat_member_contact)::bigint as contact_rows");
      return {
        blockSize: Number(size.block_size), usedBlocks: Number(size.used_blocks), freeBlocks: Number(size.free_blocks),
        rawCdrRows: Number(raw.rows), rawCdrWeeks: Number(raw.weeks), weeksLoaded: Number(bundles.weeks),
        featureWeeks: Number(features.weeks), contactRows: Number(features.contact_rows),
      };
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  },

  /** The dashboard build from the scored warehouse, and the overview page's transfer in Chromium. */
  async dashboard(args) {
    const { measureDashboard } = await import("../dashboard/measureDashboard.ts");
    const measure = await measureDashboard({ db: String(args.db), outDir: String(args.outDir) });
    return { ...measure };
  },
};

const [phase, rawArgs] = process.argv.slice(2);
const started = performance.now();
try {
  const figures = await PHASES[phase](JSON.parse(rawArgs) as Args);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(process.env.BENCH_RESULT!, JSON.stringify({
    phase, seconds, selfPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), figures,
  }));
} catch (e) {
  writeFileSync(process.env.BENCH_RESULT!, JSON.stringify({ phase, error: (e as Error).message }));
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
}
