import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import type { SourceFileScan } from "./scanSourceFile.ts";
import { defineSourceMacro, REJECT_TABLES } from "./sourceMacro.ts";
import { RecordLines } from "./recordLines.ts";
import { sql, type Params } from "../db/sql.ts";

export interface RejectedRecord {
  line: number;
  column: string | null;
  reason: string;
  /** Raw text as DuckDB saw it, when DuckDB refused to split the record. */
  rawLine: string | null;
}

/** One delivered file of a table, scanned. */
export interface SourceFile {
  /** Path inside the bundle, for messages. */
  label: string;
  /** What DuckDB reads: the delivered file, or its UTF-8 copy. */
  readPath: string;
  scan: SourceFileScan;
}

export interface LoadedFile extends SourceFile {
  inserted: number;
  /** Records refused (all of them, even beyond those described in `rejects`). */
  rejectCount: number;
  rejects: RejectedRecord[];
  lines: RecordLines;
}

export interface GroupContext {
  week: string;
  delimiter: string;
  weekStart: string; // 'YYYY-MM-DD 00:00:00'
  weekEnd: string;
  /** Most rejects to describe per file; the count beyond is still exact. */
  rejectsKept: number;
}

// DuckDB's structural error types, as the reasons we report (its own messages may quote values).
const STRUCTURAL_REASONS: Record<string, string> = {
  "MISSING COLUMNS": "fewer fields than the header",
  "TOO MANY COLUMNS": "more fields than the header",
  "UNQUOTED VALUE": "broken quoting (RFC 4180)",
  "INVALID UNICODE": "not valid text in the declared encoding",
  "LINE SIZE OVER MAXIMUM": "line too long",
};

/**
 * Loads the valid rows of a table's files that share one header into its warehouse table (inside
 * the caller's transaction), with one DuckDB read, and describes every refused record by file,
 * line, column and reason. Clean files are read once; a second read, only to locate rejects,
 * happens when the counts say some record was refused by a rule.
 */
export async function loadSourceGroup(
  conn: DuckDBConnection,
  spec: ContractTable,
  files: SourceFile[],
  ctx: GroupContext,
): Promise<LoadedFile[]> {
  await sql.exec(conn, `drop table if exists ${REJECT_TABLES.errors}; drop table if exists ${REJECT_TABLES.scan}`);
  await defineSourceMacro(conn, spec, files[0].scan.header);
  const check = sql.text(spec.checkSql);
  const paths = listValue(files.map((f) => f.readPath));
  const params: Params = { delim: ctx.delimiter, week_start: ctx.weekStart, week_end: ctx.weekEnd };

  const insert = await sql.exec(
    conn,
    `insert into ${spec.rawTable} by name
     select $week as week, * exclude (reject, filename)
     from (${check}) where reject is null`,
    { ...params, path: paths, week: ctx.week },
  );
  const insertedTotal = insert.rowsChanged;

  // One row per refused record: DuckDB may log the same record more than once (seen with filename=true).
  const structural = await sql.queryJS<{ file_id: bigint; line: bigint; error_type: string; csv_line: string }>(
    conn,
    `select file_id, line, min(error_type) as error_type, min(csv_line) as csv_line
     from ${REJECT_TABLES.errors} group by file_id, line order by file_id, line`,
  );
  const loaded: LoadedFile[] = files.map((file, i) => {
    const mine = structural.filter((r) => Number(r.file_id) === i);
    const probe = new RecordLines(file.scan);
    const ordinals = mine.map((r) => probe.ordinalOfDuckdbLine(Number(r.line)));
    const lines = new RecordLines(file.scan, ordinals);
    return {
      ...file,
      lines,
      rejectCount: mine.length,
      inserted: file.scan.records - mine.length,
      rejects: mine.slice(0, ctx.rejectsKept).map((r, k) => ({
        line: lines.lineOfOrdinal(ordinals[k]),
        column: null,
        reason: STRUCTURAL_REASONS[r.error_type] ?? `unreadable record (${r.error_type.toLowerCase()})`,
        rawLine: r.csv_line,
      })),
    };
  });

  const splitTotal = loaded.reduce((sum, f) => sum + f.inserted, 0);
  if (insertedTotal < splitTotal) await locateRuleRejects(conn, check, { ...params, path: paths }, loaded, ctx.rejectsKept);
  return loaded;
}

/**
 * Second read, only for files some rule refused: materialised in read order, a row's place within
 * its file is its rowid minus the file's first rowid (rowids inside a transaction start at an offset).
 */
async function locateRuleRejects(
  conn: DuckDBConnection,
  check: string,
  params: Params,
  loaded: LoadedFile[],
  rejectsKept: number,
): Promise<void> {
  await sql.exec(conn, `create or replace temp table cw_checked as ${check}`, params);
  const counts = await sql.queryJS<{ filename: string; n: bigint }>(conn, "select filename, count(*) as n from cw_checked where reject is not null group by filename");
  for (const file of loaded) {
    const n = Number(counts.find((c) => c.filename === file.readPath)?.n ?? 0);
    if (n === 0) continue;
    file.rejectCount += n;
    file.inserted -= n;
    const room = rejectsKept - file.rejects.length;
    if (room <= 0) continue;
    const refused = await sql.queryJS<{ pos: bigint; reject_column: string; reject_reason: string }>(conn, `with placed as (
           select rowid - min(rowid) over () as pos, reject
           from cw_checked where filename = $file
         )
         -- a check model names the broken rule as 'column|reason'
         select pos, split_part(reject, '|', 1) as reject_column, substr(reject, strpos(reject, '|') + 1) as reject_reason
         from placed where reject is not null order by pos limit $n`,
        { file: file.readPath, n: room });
    for (const r of refused) {
      file.rejects.push({
        line: file.lines.lineOfOrdinal(file.lines.ordinalOfRowid(Number(r.pos))),
        column: r.reject_column,
        reason: r.reject_reason,
        rawLine: null,
      });
    }
  }
  await sql.exec(conn, "drop table cw_checked");
}
