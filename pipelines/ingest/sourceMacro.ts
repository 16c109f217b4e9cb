import type { DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import { sql } from "../db/sql.ts";

/** DuckDB's temporary tables for the records its CSV reader refuses (per connection). */
export const REJECT_TABLES = { scan: "cw_reject_scans", errors: "cw_reject_errors" } as const;

/**
 * Defines `src(paths, delim)`: the files' records as text, each contract column under its own name,
 * wherever the (shared) header put it, plus the reader's `filename`. The macro text is built only from the contract's column names and
 * header positions (numbers), never from file content; the paths and delimiter stay parameters.
 * One read over all files of a table is about twice as fast as one read per file on 2 cores.
 * Every column is read as text so that DuckDB's reader refuses only records it cannot split, and
 * type rules are checked (and reported by name) in the check model.
 */
export async function defineSourceMacro(
  conn: DuckDBConnection,
  spec: ContractTable,
  header: string[],
): Promise<void> {
  const positional = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const projection = [...spec.columns.map((name) => `c${header.indexOf(name)} as ${name}`), "filename"].join(", ");
  await sql.exec(conn, `
    create or replace temp macro src(p, d) as table
    select ${projection}
    from read_csv(p, header = false, skip = 1, delim = d, quote = '"', escape = '"',
                  columns = {${positional}}, auto_detect = false, strict_mode = true, filename = true,
                  null_padding = false, store_rejects = true,
                  rejects_scan = '${REJECT_TABLES.scan}', rejects_table = '${REJECT_TABLES.errors}')`);
}
