import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./dashboardWarehouse.ts";

export interface RefreshOptions {
  /** The warehouse the site is built from. */
  db: string;
  /** Where the site is written (default dist/ of the repository). */
  outDir?: string;
  /** Build progress lines (Framework's output); default: discarded. */
  log?: (line: string) => void;
}

export interface RefreshResult {
  durationMs: number;
  outDir: string;
  /** The last lines Framework printed (its page/size table). */
  summary: string;
}

const CACHE = join(REPO_ROOT, "src", ".observablehq", "cache");

/**
 * Forgets the output of every data and page loader. Framework reuses cached loader output even
 * when the warehouse has changed, so a build after a new week would show the old one. The
 * `_`-prefixed entries (bundled node_modules, the client) are keyed by version: kept, they save
 * ~20 s a build.
 */
export function clearLoaderCache(): void {
  if (!existsSync(CACHE)) return;
  for (const entry of readdirSync(CACHE)) {
    if (!entry.startsWith("_")) rmSync(join(CACHE, entry), { recursive: true, force: true });
  }
}

/**
 * Puts the freshly built site in place of the old one with two renames, so a server over outDir
 * (npm start) never serves a half-written site. Refuses to replace a folder that is not a site.
 */
function swapInto(staging: string, outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, "index.html"))) {
    throw new Error(`${outDir} exists and is not a built site: not replacing it`);
  }
  const old = `${outDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Rebuilds the dashboard from the warehouse: clears the loader cache and runs `observable build`
 * with CHURNWATCH_DB set, into a staging folder that then replaces outDir. The warehouse is all
 * the loaders read, the configuration each week was scored with included. Call it after the
 * warehouse is closed: the loaders open it read-only, which DuckDB refuses while another process
 * holds it for writing.
 */
export async function refreshDashboard(options: RefreshOptions): Promise<RefreshResult> {
  const started = performance.now();
  const db = resolve(options.db);
  if (!existsSync(db)) throw new Error(`warehouse ${db} not found`);
  const outDir = resolve(options.outDir ?? join(REPO_ROOT, "dist"));
  // Framework clears its output folder only inside the working folder: start from an empty one.
  const staging = `${outDir}.building`;
  rmSync(staging, { recursive: true, force: true });
  clearLoaderCache();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHURNWATCH_DB: db,
    CHURNWATCH_DASHBOARD_OUT: staging,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    // Framework runs the .ts loaders with the `tsx` command.
    PATH: `${join(REPO_ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
  };
  const framework = join(REPO_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [framework, "build"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        output.push(line);
        options.log?.(line);
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`dashboard build failed (exit ${code}):\n${output.slice(-30).join("\n")}`);
  }
  swapInto(staging, outDir);
  return { durationMs: Math.round(performance.now() - started), outDir, summary: output.slice(-14).join("\n") };
}

// `tsx pipelines/dashboard/refreshDashboard.ts [DB]`: what `churnwatch run` does after each run.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const db = process.argv[2] ?? process.env.CHURNWATCH_DB ?? join(REPO_ROOT, "data", "churnwatch.duckdb");
  const result = await refreshDashboard({ db, log: (l) => process.stderr.write(`${l}\n`) });
  process.stderr.write(`dashboard built in ${(result.durationMs / 1000).toFixed(1)} s → ${result.outDir}\n`);
}
