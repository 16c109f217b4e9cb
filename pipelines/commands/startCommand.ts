import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { writeReport } from "../lib/writeReport.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";
import { runJob } from "../run/runJob.ts";
import { progressReporter } from "../run/progressReporter.ts";
import { generateSampleIfAbsent, SAMPLE } from "../run/generateSampleIfAbsent.ts";
import { defaultBuildLog, defaultSiteDir, refreshDashboard } from "../dashboard/refreshDashboard.ts";
import { checkPortFree, PortInUseError, serveDashboard } from "../dashboard/serveDashboard.ts";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_PORT = 3000;

/** Where the sample bundles go: env CHURNWATCH_SAMPLE, else sample-data/extracts/ of the package. */
export function sampleDir(): string {
  return resolve(process.env.CHURNWATCH_SAMPLE || join(PACKAGE_ROOT, "sample-data", "extracts"));
}

/**
 * `churnwatch start` (npm start): generates the sample data on first start (sampleDir()), runs
 * the weekly job on it into out/ (ingest, score, export, backtest, dashboard build), then serves
 * the built dashboard (defaultSiteDir(): dist/) on http://127.0.0.1:PORT until Ctrl-C. Needs no
 * network. `--no-serve` stops after the run; `--port N` (or env PORT) picks the port, and a port
 * in use is refused before the job runs, saying so.
 */
export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("start", argv, {
    out: { type: "string" },
    port: { type: "string" },
    "no-serve": { type: "boolean", default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const port = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new UsageError(`--port ${values.port} is not a port number`);
  const serve = !values["no-serve"];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const portError = (e: unknown) => (e instanceof PortInUseError ? new UsageError(e.message) : e);
  // Before the job's minutes, not after them.
  if (serve) await checkPortFree(port).catch((e) => Promise.reject(portError(e)));

  const extracts = sampleDir();
  await generateSampleIfAbsent(extracts, log);
  const outDir = values.out ?? defaultOutDir;
  // The sample's managers answer each week's list, so the first start shows the loop closed.
  const sampleManagers = { truthFile: join(extracts, "ground_truth.json"), folder: join(extracts, "..", "returns"), seed: SAMPLE.seed };
  const report = await runJob({ path: extracts, db: globals.db, outDir, loaded: globals.loaded, command: "start", progress: progressReporter(), sampleManagers });
  if (globals.json) writeReport(report);
  log(`outputs: ${resolve(outDir)}${report.export ? `/${report.export.week}` : ""} (CSV, call lists, run_report.json); warehouse: ${resolve(globals.db)}`);

  const site = defaultSiteDir();
  // A warehouse already up to date skips the job's rebuild; a clone without a built site still needs one.
  if (!existsSync(join(site, "index.html")) && report.dashboard.outcome === "unchanged") {
    log("building the dashboard (no built site yet)");
    await refreshDashboard({ db: globals.db, outDir: site, log });
  }
  if (report.dashboard.outcome === "failed") log(`the dashboard was not rebuilt: see ${defaultBuildLog(globals.db)}`);
  if (!serve) return report.exitCode;
  if (!existsSync(join(site, "index.html"))) {
    log(`the dashboard is not built (no ${join(site, "index.html")}): nothing to serve`);
    return report.exitCode || 1;
  }
  const served = await serveDashboard({ dist: site, port }).catch((e) => Promise.reject(portError(e)));
  log(`dashboard: ${served.url} (Ctrl-C to stop)`);
  // Serve until interrupted; the exit status is the run's.
  await new Promise<void>((done) => {
    process.once("SIGINT", () => done());
    process.once("SIGTERM", () => done());
  });
  await served.close();
  return report.exitCode;
}
