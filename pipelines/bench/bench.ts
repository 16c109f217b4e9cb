/**
 * `npm run bench`: speed, memory and size figures (issue 15), printed, never asserted by a timed test.
 * Every ratio is measured in the same run against a yardstick the bench runs itself, in its own
 * process, alternating with churnwatch (--rounds times; the best of each is kept, since other work on
 * a shared 2-core machine can slow either). The yardsticks are plain DuckDB, same memory limit, CDR
 * column types given: `read_csv` of the CDR files into a table (plus, for cold, one aggregation).
 *   ingest    — a --cdr-rows CDR week: loading with the week's features (`churnwatch ingest`, whole),
 *               loading alone (that minus the features step the ingest logs), against read_csv;
 *   spark     — the same week's feature stage on Spark local[2] (`churnwatch features --engine spark`)
 *               against DuckDB's (`ingest` of the extract), and `ingest` of the feature bundle
 *               (benchSpark.ts; skipped, saying why, where Spark is not installed);
 *   cold      — a multi-week run (--run-groups, --run-weeks, --run-cdr-per-member): raw bundles →
 *               every week scored (`ingest` root + `score --all`) against read_csv of all its CDR
 *               files plus one per-member aggregation (stored; the streamed variant is printed too);
 *   warm      — that run's last week arriving at a warehouse holding the earlier ones (scored):
 *               `ingest` + `score` + `export` of that week against read_csv of its CDR files;
 *   score     — a city (--city-groups 5,000 ≈ 200,000 members, ≈ 40 M CDR rows a week,
 *               --city-weeks 8): `ingest` of each earlier week (one command each) and `score --all`;
 *               then the last week as a warm week: plain read_csv of its CDR files, `ingest`
 *               (loading alone and with features against it), `score --week` (per layer) and
 *               `export`; then `backtest`. Every command's peak RSS. One run each, not --rounds;
 *   dashboard — the site built from that warehouse, and the overview page's transfer;
 *   size      — the city warehouse's size per week with every week's raw CDR (after CHECKPOINT), and
 *               after `churnwatch run` with rawCdrRetentionWeeks 1 prunes it, in place (nothing
 *               after the ingest reads raw CDR; a later --keep run prints these figures again);
 *   memory    — last: the city's last week scored again, and loaded into a new warehouse, with
 *               DuckDB's memory limit at --low-memory (1GB): each finishes or fails, its peak RSS
 *               and how much it spilled to `<db>.tmp`.
 * A section that fails prints FAILED and why; the others still run (exit status 1).
 * Options: --only ingest,spark,cold,warm,score,dashboard,memory,size (default all; dashboard, memory and
 * size load the city first when it is not kept, printing its figures too); --rounds N (alternations,
 * default 2); --cdr-rows N (ingest week, default 10,000,000); --run-groups N (800), --run-weeks K
 * (8), --run-cdr-per-member N (40: ≈ 1.4 M rows a week); --city-groups N (5,000), --city-weeks K
 * (8); --low-memory SIZE (1GB); --dir DIR (.tmp/bench); --keep (keep generated data and warehouses
 * under --dir for the next run: the city takes ~25 min to generate and load).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureChild, type PhaseResult } from "./measureChild.ts";
import { best, cdrFiles, mb, peakText, ratioText, splitWarehouseSize } from "./benchFigures.ts";
import { generatorDefaults } from "../generate/generatorDefaults.ts";
import { benchSpark } from "./benchSpark.ts";
import { configSchema } from "../config/configSchema.ts";

const { values } = parseArgs({
  options: {
    "cdr-rows": { type: "string", default: "10000000" },
    keep: { type: "boolean", default: false },
    dir: { type: "string", default: ".tmp/bench" },
    only: { type: "string", default: "ingest,spark,cold,warm,score,dashboard,memory,size" },
    rounds: { type: "string", default: "2" },
    "run-groups": { type: "string", default: "800" },
    "run-weeks": { type: "string", default: "8" },
    "run-cdr-per-member": { type: "string", default: "40" },
    "city-groups": { type: "string", default: "5000" },
    "city-weeks": { type: "string", default: "8" },
    "low-memory": { type: "string", default: "1GB" },
  },
});
const work = resolve(values.dir!);
const cdrRows = Number(values["cdr-rows"]);
const rounds = Math.max(1, Number(values.rounds));
const RSS_TARGET_MB = 3072;
// The warehouse defaults: a kept warehouse built under others is built again (they shape its
// files, e.g. maxVacuumTasks); memoryLimit is also the yardsticks' budget, the same as churnwatch's.
const WAREHOUSE = configSchema.parse({}).warehouse;
const MEMORY_LIMIT = WAREHOUSE.memoryLimit;

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
/** Seconds in a list: one decimal below 10. */
const n = (seconds: number) => (seconds < 10 ? seconds.toFixed(1) : seconds.toFixed(0));
const runsText = (list: Array<{ seconds: number }>) => `runs: ${list.map((r) => r.seconds.toFixed(1)).join(", ")} s`;

/** Generates once per size; a later run with the same size reuses the bundles. */
async function dataset(name: string, params: Record<string, unknown>): Promise<string> {
  const out = join(work, name);
  const stamp = join(out, "bench-params.json");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === JSON.stringify(params)) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const gen = await measureChild("generate", { ...params, out });
  line(`generate ${name}`, `${s(gen.seconds)}, peak RSS ${gen.peakRssMb} MB`);
  writeFileSync(stamp, JSON.stringify(params));
  return out;
}

function bundlesOf(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d{4}-W\d{2}$/.test(d.name))
    .map((d) => join(root, d.name)).sort();
}

function freshDb(name: string): string {
  const db = join(work, `${name}.duckdb`);
  for (const suffix of ["", ".wal", ".run.lock"]) rmSync(`${db}${suffix}`, { force: true });
  rmSync(`${db}.tmp`, { recursive: true, force: true });
  return db;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** One churnwatch command line in its own process, with --db; parses the --json report when asked. */
async function churnwatch(db: string, argv: string[], options: { watchDir?: string } = {}): Promise<PhaseResult & { report: any }> {
  const result = await measureChild("cli", { argv: [...argv, "--db", db] }, options);
  return { ...result, report: argv.includes("--json") ? JSON.parse(result.stdout) : null };
}

function configFile(name: string, config: object): string {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

/** The one-week bundle of --cdr-rows records the ingest and Spark sections time. */
async function ingestWeek(): Promise<string> {
  // Members × mean CDR per member ≈ the wanted rows; the generator's mean group has ~40 members.
  const cdrPerMember = generatorDefaults.options.cdrPerMember;
  const groups = Math.max(1, Math.round(cdrRows / cdrPerMember / 40));
  return dataset("ingest-week", { groups, weeks: 1, startWeek: "2026-W45", cdrPerMember });
}

// ── ingest: loading alone and with features, against read_csv ───────────────────────────────────
async function benchIngest(): Promise<void> {
  const bundle = bundlesOf(await ingestWeek())[0];
  const files = cdrFiles(bundle);
  const runs: { ingest: Array<PhaseResult & { features: number }>; plain: PhaseResult[] } = { ingest: [], plain: [] };
  for (let i = 0; i < rounds; i++) {
    runs.plain.push(await measureChild("plain", { files, db: freshDb("plain"), memoryLimit: MEMORY_LIMIT, aggregate: "none" }));
    const r = await churnwatch(freshDb("ingest"), ["ingest", bundle, "--json"]);
    const features = (r.figures.featuresSeconds as number[])[0] ?? NaN;
    runs.ingest.push({ ...r, features, figures: { ...r.figures, report: r.report.ingest } });
  }
  freshDb("plain");
  const withFeatures = best(runs.ingest);
  // a cross-check of the logged step: the same features computed again, alone, on the warehouse just loaded
  const recomputed = await measureChild("features", { db: join(work, "ingest.duckdb"), week: bundle.slice(-8) });
  const alone = best(runs.ingest.map((r) => ({ seconds: r.seconds - r.features })));
  const plain = best(runs.plain);
  const report = withFeatures.figures.report as { bundles: Array<{ rows: Record<string, number>; stagesMs: Record<string, number> }> };
  const rows = report.bundles[0].rows.cdr;
  line("ingest: CDR rows loaded", rows.toLocaleString("en"));
  line(`plain read_csv into a table (best of ${rounds})`, `${s(plain.seconds)}, peak RSS ${plain.peakRssMb} MB; ${runsText(runs.plain)}`);
  line(`ingest with features (best of ${rounds})`, `${s(withFeatures.seconds)} (${Math.round(rows / withFeatures.seconds).toLocaleString("en")} rows/s); ${runsText(runs.ingest)}`);
  line("ingest: stages (report)", [...Object.entries(report.bundles[0].stagesMs).map(([k, ms]) => `${k} ${s(ms / 1000)}`), `features ${s(withFeatures.features)} (logged)`].join(", "));
  line("ingest: peak RSS", peakText(Math.max(...runs.ingest.map((r) => r.peakRssMb)), RSS_TARGET_MB));
  line("features step recomputed alone (cross-check)", `${s(recomputed.figures.featuresSeconds as number)} on the loaded warehouse, own process, rolled back`);
  line("loading alone (ingest − its logged features step)", `${s(alone.seconds)}; ${runsText(runs.ingest.map((r) => ({ seconds: r.seconds - r.features })))}`);
  line("loading alone / plain read_csv", ratioText(alone.seconds, plain.seconds, 1.5));
  line("loading with features / plain read_csv", ratioText(withFeatures.seconds, plain.seconds, 2));
}

// ── cold and warm: a multi-week run ─────────────────────────────────────────────────────────────
async function runDataset(): Promise<string> {
  return dataset("run", {
    groups: Number(values["run-groups"]), weeks: Number(values["run-weeks"]), startWeek: "2026-W41",
    cdrPerMember: Number(values["run-cdr-per-member"]),
  });
}

async function benchCold(): Promise<void> {
  const root = await runDataset();
  const bundles = bundlesOf(root);
  const files = bundles.flatMap(cdrFiles);
  type Cold = { seconds: number; ingest: PhaseResult & { report: any }; score: PhaseResult & { report: any } };
  const runs: { cold: Cold[]; stored: PhaseResult[]; streamed: PhaseResult[] } = { cold: [], stored: [], streamed: [] };
  for (let i = 0; i < rounds; i++) {
    runs.stored.push(await measureChild("plain", { files, db: freshDb("plain"), memoryLimit: MEMORY_LIMIT, aggregate: "stored" }));
    runs.streamed.push(await measureChild("plain", { files, db: freshDb("plain"), memoryLimit: MEMORY_LIMIT, aggregate: "streamed" }));
    const db = freshDb("cold");
    const ingest = await churnwatch(db, ["ingest", root, "--json"]);
    const score = await churnwatch(db, ["score", "--all", "--json"]);
    runs.cold.push({ seconds: ingest.seconds + score.seconds, ingest, score });
  }
  freshDb("plain");
  const cold = best(runs.cold);
  const stored = best(runs.stored);
  const streamed = best(runs.streamed);
  const rows = (cold.ingest.report.ingest.bundles as Array<{ rows: Record<string, number> }>).reduce((sum, b) => sum + (b.rows.cdr ?? 0), 0);
  line("cold: run", `${bundles.length} weeks, ${rows.toLocaleString("en")} CDR rows, ${values["run-groups"]} groups`);
  line(`cold: ingest + score --all (best of ${rounds})`, `${s(cold.seconds)} = ingest ${s(cold.ingest.seconds)} + score ${s(cold.score.seconds)}; ${runsText(runs.cold)}`);
  line("cold: peak RSS ingest / score", `${cold.ingest.peakRssMb} MB / ${cold.score.peakRssMb} MB`);
  line(`plain read_csv + aggregation, stored (best of ${rounds})`, `${s(stored.seconds)}, peak RSS ${stored.peakRssMb} MB; ${runsText(runs.stored)}`);
  line(`plain aggregation over read_csv, streamed (best)`, `${s(streamed.seconds)}, peak RSS ${streamed.peakRssMb} MB; ${runsText(runs.streamed)}`);
  line("cold / plain (stored)", ratioText(cold.seconds, stored.seconds, 1.5));
  line("cold / plain (streamed, for reference)", ratioText(cold.seconds, streamed.seconds));
}

async function benchWarm(): Promise<void> {
  const root = await runDataset();
  const bundles = bundlesOf(root);
  const last = bundles.at(-1)!;
  const week = last.slice(-8);
  // The weekly job as a schedule runs it: one process over the extracts root (the earlier bundles
  // are known by size and time, not read), with no returned lists and no dashboard rebuild.
  const jobConfig = configFile("warm-job", { feedback: { folder: null } });
  // The earlier weeks come in as a schedule brings them, one weekly job each (untimed; kept for
  // every round and the next run), so the timed week meets the warehouse last week's job left. One
  // that a single `score --all` wrote is not in that state: there, the first command that writes
  // and checkpoints pays 0.7 s more at this size (measured).
  const base = join(work, "warm-base.duckdb");
  const stamp = `${base}.params`;
  const params = JSON.stringify({ bundles: bundles.slice(0, -1), setup: "weekly job", warehouse: WAREHOUSE, data: readFileSync(join(root, "bench-params.json"), "utf8") });
  if (!existsSync(base) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== params) {
    const db = freshDb("warm-base");
    const setup = await measureChild("cliSequence", {
      lines: bundles.slice(0, -1).map((b) => ["run", b, "--no-dashboard", "--config", jobConfig, "--out", join(work, "out-warm-base"), "--db", db]),
    });
    line(`warm: set-up (${bundles.length - 1} earlier weeks, untimed)`, s(setup.seconds));
    writeFileSync(stamp, params);
  }
  type Warm = { seconds: number; ingest: PhaseResult; score: PhaseResult; export: PhaseResult };
  const runs: { warm: Warm[]; job: PhaseResult[]; plain: PhaseResult[] } = { warm: [], job: [], plain: [] };
  const out = join(work, "out-warm");
  const copyBase = (name: string) => {
    const db = freshDb(name);
    copyFileSync(base, db);
    if (existsSync(`${base}.wal`)) copyFileSync(`${base}.wal`, `${db}.wal`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    return db;
  };
  for (let i = 0; i < rounds; i++) {
    runs.plain.push(await measureChild("plain", { files: cdrFiles(last), db: freshDb("plain"), memoryLimit: MEMORY_LIMIT, aggregate: "none" }));
    const db = copyBase("warm");
    const ingest = await churnwatch(db, ["ingest", last]);
    const score = await churnwatch(db, ["score", "--week", week]);
    const exported = await churnwatch(db, ["export", "--week", week, "--out", out]);
    runs.warm.push({ seconds: ingest.seconds + score.seconds + exported.seconds, ingest, score, export: exported });
    runs.job.push(await churnwatch(copyBase("warm"), ["run", root, "--no-dashboard", "--config", jobConfig, "--out", out]));
  }
  freshDb("plain");
  const warm = best(runs.warm);
  const job = best(runs.job);
  const plain = best(runs.plain);
  line(`warm: week ${week} (${cdrFiles(last).length} CDR files) after ${bundles.length - 1} weeks`, `ingest ${s(warm.ingest.seconds)} + score ${s(warm.score.seconds)} + export ${s(warm.export.seconds)} = ${s(warm.seconds)} (best of ${rounds}); ${runsText(runs.warm)}`);
  line("warm: peak RSS ingest / score / export", `${warm.ingest.peakRssMb} / ${warm.score.peakRssMb} / ${warm.export.peakRssMb} MB`);
  line(`warm: the weekly job, run --no-dashboard (best of ${rounds})`, `${s(job.seconds)} in one process (with the backtest), peak RSS ${job.peakRssMb} MB; ${runsText(runs.job)}`);
  line(`plain read_csv of that week (best of ${rounds})`, `${s(plain.seconds)}; ${runsText(runs.plain)}`);
  line("warm / plain read_csv", ratioText(warm.seconds, plain.seconds, 2));
  line("warm, the weekly job / plain read_csv", ratioText(job.seconds, plain.seconds, 2));
}

// ── the city ────────────────────────────────────────────────────────────────────────────────────
interface City {
  root: string;
  db: string;
  weeks: string[];
}

type Say = (label: string, value: string) => void;

/**
 * The city warehouse: generated, loaded, reused across runs with --keep (the figures of its load
 * are kept beside it and printed again). The earlier weeks are loaded one command each and scored;
 * then the last week arrives as a warm week does, against a plain read_csv of its CDR files.
 */
async function cityWarehouse(): Promise<City> {
  const params = { groups: Number(values["city-groups"]), weeks: Number(values["city-weeks"]), startWeek: "2026-W41", cdrPerMember: generatorDefaults.options.cdrPerMember };
  const root = await dataset("city", params);
  const db = join(work, "city.duckdb");
  const stamp = join(work, "city.duckdb.params");
  const loadFile = join(work, "city.duckdb.load.json");
  const bundles = bundlesOf(root);
  const built = JSON.stringify({ ...params, warehouse: WAREHOUSE });
  if (!existsSync(db) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== built || !existsSync(loadFile)) {
    rmSync(stamp, { force: true });
    rmSync(join(work, "city.duckdb.size.json"), { force: true });
    const printed: Array<[string, string]> = [];
    await loadCity(bundles, freshDb("city"), (label, value) => {
      printed.push([label, value]);
      line(label, value);
    });
    writeFileSync(loadFile, JSON.stringify({ at: new Date().toISOString().slice(0, 16).replace("T", " "), lines: printed }));
    writeFileSync(stamp, built);
  } else {
    const saved = JSON.parse(readFileSync(loadFile, "utf8")) as { at: string; lines: Array<[string, string]> };
    line("city: warehouse", `reused (--keep), loaded ${saved.at} UTC; the figures of that load:`);
    for (const [label, value] of saved.lines) line(label, value);
  }
  return { root, db, weeks: bundles.map((b) => b.slice(-8)) };
}

async function loadCity(bundles: string[], db: string, say: Say): Promise<void> {
  type Bundle = { rows: Record<string, number>; durationMs: number; stagesMs: Record<string, number> };
  const history = bundles.slice(0, -1);
  const loads = [];
  for (const bundle of history) loads.push(await churnwatch(db, ["ingest", bundle, "--json"]));
  const rows = loads.map((l) => (l.report.ingest.bundles as Bundle[])[0].rows.cdr);
  say(`city: ingest of ${history.length} earlier weeks, one command each`, `${loads.reduce((a, l) => a + l.seconds, 0).toFixed(0)} s for ${rows.reduce((a, b) => a + b, 0).toLocaleString("en")} CDR rows (${Math.round(rows.reduce((a, b) => a + b, 0) / rows.length).toLocaleString("en")} a week)`);
  say("city: ingest per week (of which features, logged)", loads.map((l) => `${n(l.seconds)} (${n((l.figures.featuresSeconds as number[])[0] ?? NaN)}) s`).join(", "));
  say("city: ingest peak RSS, largest of those", peakText(Math.max(...loads.map((l) => l.peakRssMb)), RSS_TARGET_MB));
  const scoreHistory = await churnwatch(db, ["score", "--all", "--json"]);
  const reports = scoreHistory.report.weeks as Array<{ durationMs: number }>;
  say(`city: score --all (${reports.length} earlier weeks)`, `${scoreHistory.seconds.toFixed(0)} s; per week ${reports.map((r) => n(r.durationMs / 1000)).join(", ")} s`);
  say("city: score --all peak RSS", peakText(scoreHistory.peakRssMb, RSS_TARGET_MB));

  // The new week: plain read_csv of its CDR files, then ingest + score + export, one command each.
  const last = bundles.at(-1)!;
  const week = last.slice(-8);
  const plain = await measureChild("plain", { files: cdrFiles(last), db: freshDb("plain"), memoryLimit: MEMORY_LIMIT, aggregate: "none" });
  freshDb("plain");
  const ingest = await churnwatch(db, ["ingest", last, "--json"]);
  const score = await churnwatch(db, ["score", "--week", week, "--json"]);
  const out = join(work, "out-city");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const exported = await churnwatch(db, ["export", "--week", week, "--out", out]);
  const bundle = (ingest.report.ingest.bundles as Bundle[])[0];
  const features = (ingest.figures.featuresSeconds as number[])[0] ?? NaN;
  const [report] = score.report.weeks as Array<{ durationMs: number; timingsMs: Record<string, number> }>;
  say(`city: week ${week}, plain read_csv into a table`, `${s(plain.seconds)} for ${Number(plain.figures.rows).toLocaleString("en")} rows, peak RSS ${plain.peakRssMb} MB`);
  say(`city: week ${week}, ingest with features`, `${s(ingest.seconds)}; ${Object.entries(bundle.stagesMs).map(([k, ms]) => `${k} ${s(ms / 1000)}`).join(", ")}, features ${s(features)} (logged)`);
  say("city: week's ingest peak RSS", peakText(ingest.peakRssMb, RSS_TARGET_MB));
  say("city: loading alone (ingest − features) / plain", ratioText(ingest.seconds - features, plain.seconds, 1.5));
  say("city: loading with features / plain", ratioText(ingest.seconds, plain.seconds, 2));
  say(`city: score --week ${week}`, `${s(score.seconds)} (week ${s(report.durationMs / 1000)}, target ≤ 60 s) with ${reports.length} earlier weeks scored`);
  for (const [layer, ms] of Object.entries(report.timingsMs)) say(`city: score, layer ${layer}`, s(ms / 1000));
  say("city: score peak RSS", peakText(score.peakRssMb, RSS_TARGET_MB));
  say(`city: export --week ${week}`, `${s(exported.seconds)}, peak RSS ${peakText(exported.peakRssMb, RSS_TARGET_MB)}`);
  const warm = ingest.seconds + score.seconds + exported.seconds;
  say("city: warm week (ingest + score + export) / plain", `${s(warm)} / ${s(plain.seconds)} = ${ratioText(warm, plain.seconds, 2)}`);
}

async function benchBacktest(city: City): Promise<void> {
  const backtest = await churnwatch(city.db, ["backtest"]);
  line("city: backtest", `${s(backtest.seconds)}, peak RSS ${peakText(backtest.peakRssMb, RSS_TARGET_MB)}`);
}

async function benchDashboard(city: City): Promise<void> {
  const dash = await measureChild("dashboard", { db: city.db, outDir: join(work, "dist") });
  const f = dash.figures as { buildSeconds: number; overviewBytes: number; overviewRequests: number };
  line("dashboard: build", `${s(f.buildSeconds)} (target ≤ 60 s)`);
  line("dashboard: overview page transfer", `${(f.overviewBytes / 1e6).toFixed(2)} MB in ${f.overviewRequests} requests (target ≤ 1.5 MB)`);
  line("dashboard: peak RSS (largest process: build, loaders, Chromium)", peakText(dash.peakRssMb, RSS_TARGET_MB));
}

async function benchLowMemory(city: City): Promise<void> {
  const limit = values["low-memory"]!;
  const config = configFile("low-memory", { warehouse: { memoryLimit: limit } });
  const week = city.weeks.at(-1)!;
  const spilled = (r: PhaseResult, dir: string) =>
    `finished in ${s(r.seconds)}, peak RSS ${r.peakRssMb} MB, spilled up to ${r.watchedPeakMb.toLocaleString("en")} MB to ${dir}`;
  const spill = `${city.db}.tmp`; // DuckDB's default temp_directory for a database file
  try {
    const r = await churnwatch(city.db, ["score", "--week", week, "--config", config], { watchDir: spill });
    line(`memory: score --week ${week}, memoryLimit ${limit}`, spilled(r, spill));
  } catch (e) {
    line(`memory: score --week ${week}, memoryLimit ${limit}`, `FAILED (${(e as Error).message})`);
  }
  // the heaviest command: the last city week's ingest, into a new warehouse
  const db = freshDb("low-memory");
  try {
    const r = await churnwatch(db, ["ingest", join(city.root, week), "--config", config], { watchDir: `${db}.tmp` });
    line(`memory: ingest of week ${week}, memoryLimit ${limit}`, spilled(r, `${db}.tmp`));
  } catch (e) {
    line(`memory: ingest of week ${week}, memoryLimit ${limit}`, `FAILED (${(e as Error).message})`);
  } finally {
    freshDb("low-memory");
  }
}

/**
 * The city warehouse's size, after CHECKPOINT, with every week's raw CDR; then the weekly job with
 * raw CDR kept for 1 week prunes the rest, and the size is taken again. In place (a copy of a city
 * warehouse would need as much disk again): nothing after the ingest reads raw CDR, so the kept
 * city still serves every other phase; a later --keep run prints these figures again.
 */
async function benchSize(city: City): Promise<void> {
  const sizeFile = join(work, "city.duckdb.size.json");
  if (existsSync(sizeFile)) {
    const saved = JSON.parse(readFileSync(sizeFile, "utf8")) as { at: string; lines: Array<[string, string]> };
    line("size: city already pruned", `(--keep) the figures of ${saved.at} UTC:`);
    for (const [label, value] of saved.lines) line(label, value);
    return;
  }
  const printed: Array<[string, string]> = [];
  const say = (label: string, value: string) => {
    printed.push([label, value]);
    line(label, value);
  };
  type Size = { blockSize: number; usedBlocks: number; freeBlocks: number; rawCdrRows: number; rawCdrWeeks: number; weeksLoaded: number };
  const b = (await measureChild("dbSize", { db: city.db })).figures as Size;
  const usedBefore = b.usedBlocks * b.blockSize;
  say(`size: warehouse, ${b.weeksLoaded} weeks, raw CDR of ${b.rawCdrWeeks} kept`, `file ${mb(fileSize(city.db))}, used after CHECKPOINT ${mb(usedBefore)} (${b.rawCdrRows.toLocaleString("en")} raw CDR rows)`);
  const config = configFile("prune", { warehouse: { rawCdrRetentionWeeks: 1 }, feedback: { folder: null } });
  const out = join(work, "out-prune");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const run = await churnwatch(city.db, ["run", city.root, "--no-dashboard", "--config", config, "--out", out]);
  say("size: churnwatch run, rawCdrRetentionWeeks 1", `${s(run.seconds)} (nothing new: prune + export), peak RSS ${peakText(run.peakRssMb, RSS_TARGET_MB)}`);
  const a = (await measureChild("dbSize", { db: city.db })).figures as Size;
  const usedAfter = a.usedBlocks * a.blockSize;
  say(`size: after the prune, raw CDR of ${a.rawCdrWeeks} week(s) kept`, `file ${mb(fileSize(city.db))} (freed blocks stay in the file for reuse), used ${mb(usedAfter)}`);
  const split = splitWarehouseSize(usedBefore, usedAfter, b.weeksLoaded, a.rawCdrWeeks);
  say("size per city week, raw CDR retained", mb(split.perWeekWithRaw));
  say("size per city week, raw CDR not retained", `${mb(split.perWeekWithoutRaw)} (one week's raw CDR: ${mb(split.rawPerWeek)})`);
  writeFileSync(sizeFile, JSON.stringify({ at: new Date().toISOString().slice(0, 16).replace("T", " "), lines: printed }));
}

/** Runs one section; a section that fails is printed as failed and the others still run (exit 1 at the end). */
let failures = 0;
async function section<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    failures++;
    line(`${name}: FAILED`, (e as Error).message);
    return null;
  }
}

/** The commit measured, and whether pipelines/ had uncommitted changes when the bench started. */
function revision(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "pipelines"], { encoding: "utf8" }).trim();
    return `commit ${head}${dirty ? ` + ${dirty.split("\n").length} changed file(s) under pipelines/` : ""}`;
  } catch {
    return "commit unknown";
  }
}

const stamp = () => new Date().toISOString().slice(0, 16).replace("T", " ");
mkdirSync(work, { recursive: true });
const only = new Set(values.only!.split(","));
line("bench", `${stamp()} UTC; rounds ${rounds}; data under ${work}; ${revision()}`);
if (only.has("ingest")) await section("ingest", benchIngest);
if (only.has("spark")) await section("spark", async () => benchSpark(bundlesOf(await ingestWeek())[0], join(work, "spark"), line));
if (only.has("cold")) await section("cold", benchCold);
if (only.has("warm")) await section("warm", benchWarm);
if (["score", "dashboard", "memory", "size"].some((x) => only.has(x))) {
  const city = await section("city", cityWarehouse);
  if (city) {
    if (only.has("score")) await section("backtest", () => benchBacktest(city));
    if (only.has("dashboard")) await section("dashboard", () => benchDashboard(city));
    if (only.has("size")) await section("size", () => benchSize(city));
    // last: how long a score spilling to disk takes is the least known
    if (only.has("memory")) await section("memory", () => benchLowMemory(city));
  }
}
line("bench", `done ${stamp()} UTC`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (failures > 0) process.exitCode = 1;
