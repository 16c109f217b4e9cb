import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { generate, type GenerateResult } from "../../pipelines/generate/generate.ts";
import type { GenerateOptions } from "../../pipelines/generate/generateOptions.ts";

export type Row = Record<string, string>;

/** A fresh folder under the OS temp dir; the caller removes it with `cleanup`. */
export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `churnwatch-gen-${label}-`));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the generator quietly into a new scratch folder. */
export async function generateRun(label: string, options: Partial<GenerateOptions>): Promise<GenerateResult> {
  return generate({ out: scratchDir(label), ...options });
}

/** RFC 4180 records of a text (quoted delimiters, quotes and line breaks allowed). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const d = delimiter.replace(/[|\\]/g, "\\$&");
  // One field per match: quoted (with "" inside) or bare, then what ends it.
  const field = new RegExp(`(?:"((?:[^"]|"")*)"|([^"${d}\\r\\n]*))(${d}|\\r?\\n|$)`, "y");
  const records: string[][] = [];
  let record: string[] = [];
  while (field.lastIndex < text.length) {
    const m = field.exec(text);
    if (!m) throw new Error(`not RFC 4180 at offset ${field.lastIndex}`);
    record.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
    if (m[3] !== delimiter) {
      records.push(record);
      record = [];
      if (m[3] === "") break;
    }
  }
  return records;
}

/** A bundle file's text, gunzipped and decoded as its manifest says. */
export function readText(path: string, encoding: "utf-8" | "gbk"): string {
  let bytes = readFileSync(path);
  if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
  return encoding === "gbk" ? iconv.decode(bytes, "gb18030") : bytes.toString("utf8");
}

/** A bundle file's header and rows keyed by column name. */
export function readTable(path: string, options: { encoding?: "utf-8" | "gbk"; delimiter?: string } = {}): { header: string[]; rows: Row[] } {
  const [header, ...records] = parseCsv(readText(path, options.encoding ?? "utf-8"), options.delimiter ?? ",");
  return { header, rows: records.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]]))) };
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** sha256 over every file's relative path and bytes. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  return hash.digest("hex");
}

export interface GroundTruth {
  seed: number;
  weeks: string[];
  holiday_weeks: string[];
  scenarios: Array<{
    id: string; kind: string; signal: string; model: string | null; group_id: string | null; members: string[];
    key_persons: boolean; start_week: string | null; fires_from: string | null; decoy: boolean; quiet: string[]; notes: string;
    [extra: string]: unknown;
  }>;
  background: Array<{ week: string; date: string; group_id: string; msisdn: string; event: string; network?: string }>;
}

export function readGroundTruth(out: string): GroundTruth {
  return JSON.parse(readFileSync(join(out, "ground_truth.json"), "utf8")) as GroundTruth;
}

/**
 * All CDR rows of one week's bundle (utf-8, ',' delimited runs). CDR fields never need quoting
 * (bundleContract checks the files with the full RFC 4180 reader), so lines split plainly: fast.
 */
export function weekCdr(out: string, week: string): Row[] {
  return listFiles(join(out, week, "cdr")).flatMap((f) => {
    const [header, ...lines] = readFileSync(join(out, week, "cdr", f), "utf8").trimEnd().split("\n").map((l) => l.split(","));
    return lines.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]])));
  });
}
