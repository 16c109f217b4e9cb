/**
 * `npm run bench`: speed and memory figures, printed, never asserted by a timed test.
 *   ingest — a 10 M-row CDR week: `churnwatch ingest` against DuckDB's plain read_csv of the same files.
 * Options: --cdr-rows N (default 10,000,000), --keep (keep the generated data for the next run).
 */
import { existsSync, rmSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measureChild, type PhaseResult } from "./measureChild.ts";
import { generatorDefaults } from "../generate/generatorDefaults.ts";

const { values } = parseArgs({
  options: {
    "cdr-rows": { type: "string", default: "10000000" },
    keep: { type: "boolean", default: false },
    dir: { type: "string", default: ".tmp/bench" },
  },
});
const work = values.dir!;
const cdrRows = Number(values["cdr-rows"]);

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value}\n`);
}

/** Generates once per size; a later run with the same size reuses the bundle. */
async function dataset(name: string, params: Record<string, unknown>): Promise<string> {
  const out = join(work, name);
  const stamp = join(out, "bench-params.json");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === JSON.stringify(params)) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const gen = await measureChild("generate", { ...params, out });
  line(`generate ${name}`, `${gen.seconds.toFixed(1)} s, peak RSS ${gen.peakRssMb} MB`);
  writeFileSync(stamp, JSON.stringify(params));
  return out;
}

function freshDb(name: string): string {
  const db = join(work, `${name}.duckdb`);
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  return db;
}

async function benchIngest(): Promise<void> {
  // Members × mean CDR per member ≈ the wanted rows; the generator's mean group has ~40 members.
  const cdrPerMember = generatorDefaults.options.cdrPerMember;
  const groups = Math.max(1, Math.round(cdrRows / cdrPerMember / 40));
  const root = await dataset("ingest-week", { groups, weeks: 1, startWeek: "2026-W45", cdrPerMember });
  const bundle = join(root, "2026-W45");
  const ingest: PhaseResult = await measureChild("ingest", { path: bundle, db: freshDb("ingest") });
  const plain: PhaseResult = await measureChild("plainRead", { path: bundle, db: freshDb("plain") });
  const rows = Number(ingest.figures.cdrRows);
  line("ingest: CDR rows loaded", rows.toLocaleString("en"));
  line("ingest: load time", `${ingest.seconds.toFixed(1)} s (${Math.round(rows / ingest.seconds).toLocaleString("en")} rows/s)`);
  line("ingest: peak RSS", `${ingest.peakRssMb} MB (target ≤ 3072 MB)`);
  line("plain DuckDB read_csv of the same files", `${plain.seconds.toFixed(1)} s, peak RSS ${plain.peakRssMb} MB`);
  line("ingest / plain read", `${(ingest.seconds / plain.seconds).toFixed(2)} × (target ≤ 1.5 ×)`);
}

mkdirSync(work, { recursive: true });
await benchIngest();
if (!values.keep) rmSync(work, { recursive: true, force: true });
