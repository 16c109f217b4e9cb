import { existsSync } from "node:fs";
import { UsageError } from "../lib/errors.ts";
import { printable } from "../lib/printable.ts";

/**
 * Refuses a warehouse file that is not there. DuckDB creates whatever file it is asked to open, so a
 * mistyped --db (or CHURNWATCH_DB) would give `score`, `export` or `backtest` a new empty warehouse
 * and a confusing "nothing loaded"; only the commands that load bundles (ingest, run, start) create one.
 */
export function requireWarehouse(db: string): void {
  if (db === ":memory:" || existsSync(db)) return;
  throw new UsageError(`no warehouse at ${printable(db)} (a mistyped --db or CHURNWATCH_DB?): only ingest, run and start create one`);
}
