import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { writeReport } from "../lib/writeReport.ts";
import { runFeatureStage } from "../spark/runFeatureStage.ts";

/** `churnwatch features --engine spark [--master M] SOURCE --out DIR`: feature bundles from extract bundles. */
export async function featuresCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("features", argv, {
    engine: { type: "string" },
    master: { type: "string" },
    out: { type: "string" },
    "cdr-table": { type: "string" },
  });
  if (values.engine !== "spark") {
    throw new UsageError("give --engine spark (DuckDB computes a week's features itself when `churnwatch ingest` loads its extract)");
  }
  if (positionals.length !== 1) throw new UsageError("give one SOURCE: an extract bundle folder or a folder of bundles");
  if (!values.out) throw new UsageError("give --out DIR: where the feature bundles go");
  const report = await runFeatureStage(positionals[0], values.out, globals.loaded.config, {
    master: values.master,
    cdrTable: values["cdr-table"],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (globals.json) writeReport({ command: "features", features: report });
  return report.bundles.some((b) => b.outcome === "failed") ? 1 : 0;
}
