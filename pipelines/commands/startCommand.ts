import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { writeReport } from "../lib/writeReport.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";
import { runJob } from "../run/runJob.ts";
import { progressReporter } from "../run/progressReporter.ts";
import { generateSampleIfAbsent } from "../run/generateSampleIfAbsent.ts";
import { refreshDashboard } from "../dashboard/refreshDashboard.ts";
import { serveDashboard } from "../dashboard/serveDashboard.ts";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_PORT = 3000;

/**
 * `churnwatch start` (npm start): generates the sample data on first start into
 * sample-data/extracts/, runs the weekly job on it into out/, then serves the built dashboard
 * (dist/) on http://127.0.0.1:PORT until Ctrl-C; without a built dashboard it says where the
 * outputs are. `--no-serve` stops after the run; `--port N` (or env PORT) picks the port.
 */
export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("start", argv, {
    out: { type: "string" },
    port: { type: "string" },
    "no-serve": { type: "boolean", default: false },
  });
  if (positionals.length > 0) throw new UsageError(`churnwatch start: unexpected argument '${positionals[0]}'`);
  const port = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new UsageError(`churnwatch start: --port ${values.port} is not a port number`);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const extracts = join(PACKAGE_ROOT, "sample-data", "extracts");
  await generateSampleIfAbsent(extracts, log);
  const outDir = values.out ?? defaultOutDir;
  const report = await runJob({ path: extracts, db: globals.db, outDir, loaded: globals.loaded, command: "start", progress: progressReporter() });
  if (globals.json) writeReport(report);
  log(`outputs: ${resolve(outDir)}${report.export ? `/${report.export.week}` : ""} (CSV, call lists, run_report.json); warehouse: ${resolve(globals.db)}`);

  const site = join(PACKAGE_ROOT, "dist");
  // A warehouse already up to date skips the job's rebuild; a clone without dist/ still needs one.
  if (!existsSync(join(site, "index.html")) && report.dashboard.outcome === "unchanged") {
    log("building the dashboard (no dist/ yet)");
    await refreshDashboard({ db: globals.db, log });
  }
  if (values["no-serve"]) return report.exitCode;
  if (!existsSync(join(site, "index.html"))) {
    log("the dashboard is not built (no dist/index.html): nothing to serve");
    return report.exitCode;
  }
  const served = await serveDashboard({ dist: site, port });
  log(`dashboard: ${served.url} (Ctrl-C to stop)`);
  // Serve until interrupted; the exit status is the run's.
  await new Promise<void>((done) => process.once("SIGINT", () => done()));
  await served.close();
  return report.exitCode;
}
