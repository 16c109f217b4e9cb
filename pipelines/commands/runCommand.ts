import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { writeReport } from "../lib/writeReport.ts";
import { runJob } from "../run/runJob.ts";
import { progressReporter } from "../run/progressReporter.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";

/**
 * `churnwatch run PATH [--out DIR] [--no-dashboard]`: the weekly job (pipelines/run/runJob.ts). Exit 0 when done or
 * nothing new, 1 when a bundle or week failed or another run holds the lock, 2 on wrong usage.
 */
export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("run", argv, {
    out: { type: "string" },
    "no-dashboard": { type: "boolean", default: false },
  });
  if (positionals.length !== 1) throw new UsageError("give one PATH: the extracts root or a bundle folder");
  const report = await runJob({
    path: positionals[0], db: globals.db, outDir: values.out ?? defaultOutDir, loaded: globals.loaded, command: "run",
    progress: progressReporter(), dashboard: !values["no-dashboard"],
  });
  process.stderr.write(`run: ${report.outcome}${report.export ? ` — ${report.export.week} in ${report.export.dir} (${report.export.outcome})` : ""}\n`);
  if (globals.json) writeReport(report);
  return report.exitCode;
}
