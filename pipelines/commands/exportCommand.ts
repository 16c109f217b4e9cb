import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";
import { exportWeek } from "../export/exportWeek.ts";
import { acquireRunLock } from "../run/acquireRunLock.ts";
import { runLockPath } from "../run/runLockPath.ts";
import { writeReport } from "../lib/writeReport.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";
import { requireWarehouse } from "../db/requireWarehouse.ts";
import { assertWritableFolder } from "../lib/assertWritableFolder.ts";

/**
 * `churnwatch export [--week W] [--out DIR]`: writes week W's files (default: the latest scored week)
 * under DIR/W. Takes the run lock, since it replaces the folder a running job may be writing.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("export", argv, {
    week: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.week !== undefined && !isIsoWeek(values.week)) throw new UsageError(`--week ${values.week} is not an ISO week like 2026-W47`);
  const outDir = values.out ?? defaultOutDir;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  requireWarehouse(globals.db);
  assertWritableFolder(outDir, "--out");
  const release = acquireRunLock(runLockPath(globals.db, outDir), "export");
  try {
    const result = await withWarehouse({ db: globals.db, warehouse: globals.loaded.config.warehouse }, async (conn) => {
      await ensureScoreTables(conn);
      return exportWeek(conn, {
        db: globals.db, outDir, week: values.week, loaded: globals.loaded, context: { command: "export", durationsMs: {} }, log,
      });
    });
    if (globals.json) writeReport({ command: "export", export: result });
    return 0;
  } finally {
    release();
  }
}
