import { spawn } from "node:child_process";
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./dashboardWarehouse.ts";

export interface RefreshOptions {
  /** The warehouse the site is built from. */
  db: string;
  /** Where the site is written (default: env CHURNWATCH_DIST, else dist/ of the repository). */
  outDir?: string;
  /** One line per build stage; default: discarded. */
  log?: (line: string) => void;
  /** Framework's whole output goes here (default: dashboard-build.log beside the warehouse). */
  logFile?: string;
}

export interface RefreshResult {
  durationMs: number;
  outDir: string;
  /** Where the build's full log is. */
  logFile: string;
  /** The last lines Framework printed (its page/size table). */
  summary: string;
  /** Seconds per stage, in order. */
  stages: Array<{ name: string; seconds: number }>;
}

const CACHE = join(REPO_ROOT, "src", ".observablehq", "cache");
const LOCK = join(REPO_ROOT, "src", ".observablehq", "build.lock");

/** The site folder when none is given: env CHURNWATCH_DIST, else dist/ of the repository. */
export function defaultSiteDir(): string {
  return resolve(process.env.CHURNWATCH_DIST || join(REPO_ROOT, "dist"));
}

/** The build log when none is given: beside the warehouse (data/ by default, not in the repository). */
export function defaultBuildLog(db: string): string {
  return join(dirname(resolve(db)), "dashboard-build.log");
}

/**
 * Forgets the output of every data and page loader. Framework reuses cached loader output even
 * when the warehouse has changed, so a build after a new week would show the old one. The
 * `_`-prefixed entries (bundled node_modules, the client) are keyed by version: kept, they save
 * ~20 s a build — all but `_npm`, Framework's record of npm versions: only empty folders here
 * (nothing is downloaded), named anew by frameworkOffline.js at each build, so every build shows
 * that it needs no registry, as a fresh clone's first build would.
 */
export function clearLoaderCache(): void {
  if (!existsSync(CACHE)) return;
  for (const entry of readdirSync(CACHE)) {
    if (!entry.startsWith("_") || entry === "_npm") rmSync(join(CACHE, entry), { recursive: true, force: true });
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One build at a time on this source tree: every build clears and refills the same loader cache
 * (src/.observablehq/cache), so two at once (a weekly run and `npm run build`, or two tests) would
 * ship each other's data. Waits for a running build; takes over a lock whose process is gone.
 */
async function buildLock(log: (line: string) => void): Promise<() => void> {
  mkdirSync(dirname(LOCK), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(readFileSync(LOCK, "utf8").trim());
      if (!Number.isInteger(holder) || holder <= 0 || !processAlive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (!told) log(`waiting for another dashboard build (pid ${holder}) to finish`);
      told = true;
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

/** The build's stages, as Framework's output shows them, in order. */
const STAGES = [
  { name: "pages rendered", starts: (line: string) => /^load \/(index|pages\/)/.test(line) },
  { name: "client code bundled", starts: (line: string) => /^bundle \//.test(line) },
  { name: "data loaders run, data files written", starts: (line: string) => /^(copy \S*src\/data\/|load \/data\/)/.test(line) },
  { name: "libraries and pages written", starts: (line: string) => /^(alias|copy|build) \/_/.test(line) },
] as const;

const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Rebuilds the dashboard from the warehouse: clears the loader cache and runs `observable build`
 * with CHURNWATCH_DB set, into a staging folder that then replaces outDir. The warehouse is all
 * the loaders read, the configuration each week was scored with included. Call it after the
 * warehouse is closed: the loaders open it read-only, which DuckDB refuses while another process
 * holds it for writing.
 *
 * Framework's whole output (a few hundred lines) goes to `logFile`; `log` gets one line per stage.
 * The build needs no network: the Framework process runs with fetch limited to this machine
 * (buildWithoutNetwork.js), and observablehq.config.js names the versions Framework would
 * otherwise ask the npm registry for (frameworkOffline.js).
 */
export async function refreshDashboard(options: RefreshOptions): Promise<RefreshResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const db = resolve(options.db);
  if (!existsSync(db)) throw new Error(`warehouse ${db} not found`);
  const outDir = resolve(options.outDir ?? defaultSiteDir());
  const logFile = resolve(options.logFile ?? defaultBuildLog(db));
  mkdirSync(dirname(logFile), { recursive: true });
  const release = await buildLock(log);
  const file = createWriteStream(logFile, { mode: 0o600 });
  const stages: Array<{ name: string; seconds: number }> = [];
  try {
    log(`building the dashboard into ${outDir} (full log: ${logFile})`);
    // Framework clears its output folder only inside the working folder: start from an empty one.
    const staging = `${outDir}.building`;
    rmSync(staging, { recursive: true, force: true });
    clearLoaderCache();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHURNWATCH_DB: db,
      CHURNWATCH_DASHBOARD_OUT: staging,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      NO_COLOR: "1",
      // Framework runs the .ts loaders with the `tsx` command.
      PATH: `${join(REPO_ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    };
    const framework = join(REPO_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
    const noNetwork = pathToFileURL(join(REPO_ROOT, "pipelines", "dashboard", "buildWithoutNetwork.js")).href;
    const output: string[] = [];
    let stage = -1;
    let stageStarted = performance.now();
    const endStage = () => {
      if (stage < 0) return;
      const seconds = Math.round((performance.now() - stageStarted) / 100) / 10;
      stages.push({ name: STAGES[stage].name, seconds });
      log(`dashboard ${stage + 1}/${STAGES.length + 1}: ${STAGES[stage].name} (${seconds.toFixed(1)} s)`);
    };
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, ["--import", noNetwork, framework, "build"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let pending = "";
      const collect = (chunk: Buffer) => {
        file.write(chunk);
        const lines = (pending + chunk.toString("utf8")).split("\n");
        pending = lines.pop() ?? "";
        for (const raw of lines) {
          const line = raw.replace(ANSI, "").trim();
          if (!line) continue;
          output.push(line);
          const next = STAGES.findIndex((s, i) => i > stage && s.starts(line));
          if (next > stage) {
            endStage();
            stage = next;
            stageStarted = performance.now();
          }
        }
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("error", fail);
      child.on("close", done);
    });
    if (code !== 0) {
      rmSync(staging, { recursive: true, force: true });
      const errors = output.filter((l) => /error|failed|unable|must not use the network/i.test(l)).slice(0, 3);
      throw new Error(
        `dashboard build failed (exit ${code}) during "${STAGES[Math.max(stage, 0)].name}"` +
          `${errors.length ? `: ${errors.join(" · ")}` : ""}; full log: ${logFile}`,
      );
    }
    endStage();
    stageStarted = performance.now();
    swapInto(staging, outDir);
    const seconds = Math.round((performance.now() - stageStarted) / 100) / 10;
    stages.push({ name: "site in place", seconds });
    const shown = relative(process.cwd(), outDir);
    log(`dashboard ${STAGES.length + 1}/${STAGES.length + 1}: site in place: ${shown && !shown.startsWith("..") ? shown : outDir} (${formatBytes(folderBytes(outDir))})`);
    return { durationMs: Math.round(performance.now() - started), outDir, logFile, summary: output.slice(-14).join("\n"), stages };
  } finally {
    await new Promise<void>((done) => file.end(() => done()));
    release();
  }
}

/** Bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

const formatBytes = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`);

// `tsx pipelines/dashboard/refreshDashboard.ts [DB]`: what `churnwatch run` does after each run.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const db = process.argv[2] ?? process.env.CHURNWATCH_DB ?? join(REPO_ROOT, "data", "churnwatch.duckdb");
  const result = await refreshDashboard({ db, log: (l) => process.stderr.write(`${l}\n`) });
  process.stderr.write(`dashboard built in ${(result.durationMs / 1000).toFixed(1)} s → ${result.outDir}\n`);
}
