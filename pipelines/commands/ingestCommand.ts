import { dirname, join } from "node:path";
import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { ingestPath } from "../ingest/ingestPath.ts";
import { writeReport } from "../lib/writeReport.ts";
import { acquireRunLock } from "../run/acquireRunLock.ts";
import { runLockPath } from "../run/runLockPath.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";

/**
 * `churnwatch ingest PATH`: exit 0 when every bundle loaded (or had nothing new), 1 when one failed.
 * Takes the run lock, as `run` and `export` do: while a run holds the warehouse, this says so and stops.
 */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { positionals, globals } = parseCommandArgs("ingest", argv, {});
  if (positionals.length !== 1) throw new UsageError("give one PATH: a bundle folder or an extracts root");
  const { config } = globals.loaded;
  const release = acquireRunLock(runLockPath(globals.db, defaultOutDir), "ingest");
  let report;
  try {
    report = await withWarehouse({ db: globals.db, warehouse: config.warehouse }, (conn) =>
      ingestPath(conn, positionals[0], config, {
        log: (line) => process.stderr.write(`${line}\n`),
        tempDir: join(dirname(globals.db), ".tmp"),
      }),
    );
  } finally {
    release();
  }
  if (globals.json) writeReport({ command: "ingest", ingest: report });
  return report.bundles.some((b) => b.outcome === "failed") ? 1 : 0;
}
