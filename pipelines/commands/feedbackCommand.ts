import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { loadFeedback } from "../feedback/loadFeedback.ts";
import { acquireRunLock } from "../run/acquireRunLock.ts";
import { runLockPath } from "../run/runLockPath.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";
import { writeReport } from "../lib/writeReport.ts";

/**
 * `churnwatch feedback PATH`: loads a manager's returned call list, or every file under a folder
 * not loaded yet (pipelines/feedback/loadFeedback.ts). Exit 0 when every file loaded (or was
 * loaded before), 1 when one was refused (stderr names file, row, column and why), 2 on wrong
 * usage. Takes the run lock: a weekly job writing the warehouse must not run beside it.
 */
export async function feedbackCommand(argv: string[]): Promise<number> {
  const { positionals, globals } = parseCommandArgs("feedback", argv, {});
  if (positionals.length !== 1) throw new UsageError("give one PATH: a returned call list (.xlsx or .csv), or a folder of them");
  const { config } = globals.loaded;
  const release = acquireRunLock(runLockPath(globals.db, defaultOutDir), "feedback");
  try {
    const report = await withWarehouse({ db: globals.db, warehouse: config.warehouse }, (conn) =>
      loadFeedback(conn, positionals[0], config, { log: (line) => process.stderr.write(`${line}\n`) }),
    );
    process.stderr.write(`feedback: ${report.loaded} loaded, ${report.unchanged} unchanged, ${report.refused} refused\n`);
    if (globals.json) writeReport({ command: "feedback", feedback: report });
    return report.refused > 0 ? 1 : 0;
  } finally {
    release();
  }
}
