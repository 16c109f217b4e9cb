import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import type { SourceFileScan } from "./scanSourceFile.ts";
import { defineSourceMacro, REJECT_TABLES } from "./sourceMacro.ts";
import { RecordLines } from "./recordLines.ts";
import { sql, type Params } from "../db/sql.ts";
import { SourceFault } from "./sourceFault.ts";
import { readerFailure } from "./readerFailure.ts";

export interface RejectedRecord {
  line: number;
  column: string | null;
  reason: string;
  /** Raw text as DuckDB saw it, when DuckDB refused to split the record. */
  rawLine: string | null;
}

/** One delivered file of a table, whose Node pass (checksum, count) may still be running. */
export interface SourceFile {
  /** Path inside the bundle, for messages. */
  label: string;
  /** What DuckDB reads: the delivered file, or its UTF-8 copy. */
  readPath: string;
  header?: string[];
  /** Set once `scanned` settles. */
  scan?: SourceFileScan;
  /** Settles when the Node pass is done; absent when it was done before. */
  scanned?: Promise<void>;
}

export interface LoadedFile extends SourceFile {
  scan: SourceFileScan;
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
  "INVALID ENCODING": "not valid text in the declared encoding",
  "LINE SIZE OVER MAXIMUM": "line too long",
};

interface StructuralRow {
  file_path: string;
  line: bigint;
  error_type: string;
  csv_line: string;
}

/**
 * Loads the valid rows of a table's files that share one header into its warehouse table (inside
 * the caller's transaction), with one DuckDB read, and describes every refused record by file,
 * line, column and reason. Clean files are read once.
 *
 * Every record the Node pass counted must end up inserted or refused: DuckDB's reject log is not
 * trusted alone, since in a multi-file read it can drop a record it refused (seen with an unclosed
 * quote at the end of one of seven files) without logging it. When the rows inserted are not
 * the records counted minus the rejects logged, a second read counts each file's rows; a file
 * whose rows and logged rejects still fall short is read again alone, and if even then a record
 * is unaccounted for, the bundle fails naming the file rather than lose it.
 */
export async function loadSourceGroup(
  conn: DuckDBConnection,
  spec: ContractTable,
  files: SourceFile[],
  ctx: GroupContext,
): Promise<LoadedFile[]> {
  await defineSourceMacro(conn, spec, files[0].header ?? files[0].scan!.header);
  const check = sql.text(spec.checkSql);
  const params: Params = { delim: ctx.delimiter, week_start: ctx.weekStart, week_end: ctx.weekEnd };
  const paths = listValue(files.map((f) => f.readPath));

  await dropRejectTables(conn);
  const insertedTotal = (await readOrFail(files, async () => sql.exec(
    conn,
    `insert into ${spec.rawTable} by name
     select $week as week, * exclude (reject, filename)
     from (${check}) where reject is null`,
    { ...params, path: paths, week: ctx.week },
  ))).rowsChanged;
  await scansDone(files); // the counts below are the Node pass's
  const structural = await loggedRejects(conn);
  const loaded = files.map((file) => describeLoaded(withScan(file), structural.get(file.readPath) ?? [], ctx.rejectsKept));
  if (insertedTotal === loaded.reduce((sum, f) => sum + f.inserted, 0)) return loaded;

  // Some record was refused by a rule, or lost: materialise the checked rows, in read order.
  await readOrFail(files, () => sql.exec(conn, `create or replace temp table cw_checked as ${check}`, { ...params, path: paths }));
  const counts = await sql.queryJS<{ filename: string; n: bigint; refused: bigint }>(conn,
    "select filename, count(*) as n, count(reject) as refused from cw_checked group by filename");
  for (const [k, file] of files.entries()) {
    const count = counts.find((c) => c.filename === file.readPath);
    const read = Number(count?.n ?? 0);
    const records = withScan(file).scan.records;
    if (read + loaded[k].rejectCount !== records) {
      const alone = await readAlone(conn, spec, file, params);
      if (read + alone.length !== records) {
        throw new SourceFault(
          `${records} records counted, DuckDB read ${read} and refused ${alone.length}: ` +
            `${Math.abs(records - read - alone.length)} record(s) unaccounted for (quoting or line ends DuckDB reads otherwise); nothing is loaded`,
          null, file.label,
        );
      }
      loaded[k] = describeLoaded(withScan(file), alone, ctx.rejectsKept);
    }
    const refused = Number(count?.refused ?? 0);
    loaded[k].rejectCount += refused;
    loaded[k].inserted -= refused;
    if (refused > 0) await locateRuleRejects(conn, loaded[k], ctx.rejectsKept);
  }
  await sql.exec(conn, "drop table cw_checked");
  const accounted = loaded.reduce((sum, f) => sum + f.inserted, 0);
  if (accounted !== insertedTotal) {
    throw new SourceFault(`${insertedTotal} rows inserted but ${accounted} accounted for by file; nothing is loaded`, null,
      files.map((f) => f.label).join(", "));
  }
  return loaded;
}

/** The rows DuckDB's reader refused to split, per file read (one row per record). */
async function loggedRejects(conn: DuckDBConnection): Promise<Map<string, StructuralRow[]>> {
  // The file is taken from the scan log (file_id alone is an index into one scan's files); one row
  // per record, as DuckDB may log the same record more than once (seen with filename=true).
  const rows = await sql.queryJS<StructuralRow>(conn,
    `select s.file_path, e.line, min(e.error_type) as error_type, min(e.csv_line) as csv_line
     from ${REJECT_TABLES.errors} e join ${REJECT_TABLES.scan} s using (scan_id, file_id)
     group by s.file_path, e.line order by s.file_path, e.line`);
  const byFile = new Map<string, StructuralRow[]>();
  for (const r of rows) {
    const list = byFile.get(r.file_path) ?? [];
    list.push(r);
    byFile.set(r.file_path, list);
  }
  return byFile;
}

/** One file read on its own, only to learn which records DuckDB refuses to split. */
async function readAlone(conn: DuckDBConnection, spec: ContractTable, file: SourceFile, params: Params): Promise<StructuralRow[]> {
  await dropRejectTables(conn);
  await readOrFail([file], () => sql.exec(conn, "select count(*) from src($path, $delim)", { ...params, path: listValue([file.readPath]) }));
  return (await loggedRejects(conn)).get(file.readPath) ?? [];
}

async function dropRejectTables(conn: DuckDBConnection): Promise<void> {
  await sql.exec(conn, `drop table if exists ${REJECT_TABLES.errors}; drop table if exists ${REJECT_TABLES.scan}`);
}

/**
 * Runs a read of the files; a failure of DuckDB's reader becomes a fault of the file it names —
 * unless the Node pass over the files found a fault first-hand (it names the line), which then wins.
 */
async function readOrFail<T>(files: SourceFile[], read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    await scansDone(files);
    throw readerFailure(e, files);
  }
}

/** The file with its Node pass's result, which must be there by now. */
function withScan(file: SourceFile): SourceFile & { scan: SourceFileScan } {
  if (!file.scan) throw new Error(`${file.label}: used before its Node pass ended`);
  return file as SourceFile & { scan: SourceFileScan };
}

/** Waits for the Node pass over the files; its fault, if any, is thrown. */
async function scansDone(files: SourceFile[]): Promise<void> {
  for (const file of files) if (file.scanned) await file.scanned;
}

/** A file as loaded when `structural` are all the records DuckDB refused to split (the rest inserted). */
function describeLoaded(file: SourceFile & { scan: SourceFileScan }, structural: StructuralRow[], rejectsKept: number): LoadedFile {
  const probe = new RecordLines(file.scan);
  const ordinals = structural.map((r) => probe.ordinalOfDuckdbLine(Number(r.line)));
  const lines = new RecordLines(file.scan, ordinals);
  return {
    ...file,
    lines,
    rejectCount: structural.length,
    inserted: file.scan.records - structural.length,
    rejects: structural.slice(0, rejectsKept).map((r, k) => ({
      line: lines.lineOfOrdinal(ordinals[k]),
      column: null,
      reason: STRUCTURAL_REASONS[r.error_type] ?? `unreadable record (${r.error_type.toLowerCase()})`,
      rawLine: r.csv_line,
    })),
  };
}

/**
 * Where the rules refused records of one file, from the materialised second read: a row's place
 * within its file is its rowid minus the file's first rowid (rowids inside a transaction start at
 * an offset).
 */
async function locateRuleRejects(conn: DuckDBConnection, file: LoadedFile, rejectsKept: number): Promise<void> {
  const room = rejectsKept - file.rejects.length;
  if (room <= 0) return;
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
