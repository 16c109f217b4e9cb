import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError, BundleError } from "../lib/errors.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { withWarehouse } from "../db/withWarehouse.ts";
import { ensureScoreTables } from "../score/ensureScoreTables.ts";
import { readWeekStatus } from "../score/readWeekStatus.ts";
import { scoreWeeks } from "../score/scoreWeeks.ts";
import { requireWarehouse } from "../db/requireWarehouse.ts";
import { acquireRunLock } from "../run/acquireRunLock.ts";
import { runLockPath } from "../run/runLockPath.ts";
import { defaultOutDir } from "../export/defaultOutDir.ts";

/**
 * `churnwatch score [--week W | --all]`: signals, scores and tiers for week W (default: the latest
 * loaded week), or re-scores every loaded week. Earlier weeks whose scores are stale are scored
 * first, since they are W's history. Progress on stderr; `--json` prints the reports on stdout.
 * Needs an existing warehouse (a mistyped --db is refused) and the run lock (a run in progress is
 * named, not met with DuckDB's lock error).
 */
export async function scoreCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("score", argv, {
    week: { type: "string" },
    all: { type: "boolean", default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.week && values.all) throw new UsageError("give --week W or --all, not both");
  if (values.week && !isIsoWeek(values.week)) throw new UsageError(`--week ${values.week} is not an ISO week like 2026-W47`);

  const log = (line: string) => process.stderr.write(`${line}\n`);
  requireWarehouse(globals.db);
  const release = acquireRunLock(runLockPath(globals.db, defaultOutDir), "score");
  try {
    return await withWarehouse({ db: globals.db, warehouse: globals.loaded.config.warehouse }, async (conn) => {
      await ensureScoreTables(conn);
      const loadedWeeks = (await readWeekStatus(conn, globals.loaded)).map((s) => s.week);
      if (loadedWeeks.length === 0) throw new BundleError(`no week is loaded in ${globals.db}: run churnwatch ingest first`);
      const weeks = values.all ? loadedWeeks : [values.week ?? loadedWeeks[loadedWeeks.length - 1]];
      const reports = await scoreWeeks(conn, weeks, globals.loaded, log);
      if (globals.json) process.stdout.write(`${JSON.stringify({ command: "score", weeks: reports }, null, 2)}\n`);
      return 0;
    });
  } finally {
    release();
  }
}
