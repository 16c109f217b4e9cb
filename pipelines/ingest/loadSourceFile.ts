import type { DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import type { SourceFileScan } from "./scanSourceFile.ts";
import { defineSourceMacro, REJECT_TABLES } from "./sourceMacro.ts";
import { RecordLines } from "./recordLines.ts";
import { sqlText } from "../db/runSqlFile.ts";
import { checkModelParams } from "./checkModelParams.ts";

export interface RejectedRecord {
  line: number;
  column: string | null;
  reason: string;
  /** Raw text as DuckDB saw it, when DuckDB refused to split the record. */
  rawLine: string | null;
}

export interface LoadedFile {
  inserted: number;
  /** Records refused (all of them, even beyond those described in `rejects`). */
  rejectCount: number;
  rejects: RejectedRecord[];
  lines: RecordLines;
}

export interface SourceFileContext {
  week: string;
  weekStart: string; // 'YYYY-MM-DD 00:00:00'
  weekEnd: string;
  delimiter: string;
  /** What DuckDB reads: the delivered file, or its UTF-8 copy. */
  readPath: string;
  scan: SourceFileScan;
  /** Most rejects to describe; the count beyond is still known from the insert. */
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
 * Loads one delivered file's valid rows into its warehouse table (inside the caller's
 * transaction) and describes every refused record by line, column and reason.
 * One pass over the file when it is clean; a second, only to locate rejects, when it is not.
 */
export async function loadSourceFile(
  conn: DuckDBConnection,
  spec: ContractTable,
  ctx: SourceFileContext,
): Promise<LoadedFile> {
  await conn.run(`drop table if exists ${REJECT_TABLES.errors}; drop table if exists ${REJECT_TABLES.scan}`);
  await defineSourceMacro(conn, spec, ctx.scan.header);
  const params = { path: ctx.readPath, delim: ctx.delimiter, week_start: ctx.weekStart, week_end: ctx.weekEnd };
  const check = sqlText(spec.checkSql);
  const checkParams = checkModelParams(check, params);

  const insert = await conn.run(
    `insert into ${spec.rawTable} by name
     select $week as week, * exclude (reject_column, reject_reason)
     from (${check}) where reject_reason is null`,
    { ...checkParams, week: ctx.week } as never,
  );
  const inserted = Number(insert.rowsChanged);

  const structural = await conn.runAndReadAll(
    `select line, error_type, csv_line from ${REJECT_TABLES.errors} order by line`,
  );
  const structuralRows = structural.getRowObjectsJS() as Array<{ line: bigint; error_type: string; csv_line: string }>;
  const probe = new RecordLines(ctx.scan);
  const structuralOrdinals = structuralRows.map((r) => probe.ordinalOfDuckdbLine(Number(r.line)));
  const lines = new RecordLines(ctx.scan, structuralOrdinals);
  const rejects: RejectedRecord[] = structuralRows.slice(0, ctx.rejectsKept).map((r, i) => ({
    line: lines.lineOfOrdinal(structuralOrdinals[i]),
    column: null,
    reason: STRUCTURAL_REASONS[r.error_type] ?? `unreadable record (${r.error_type.toLowerCase()})`,
    rawLine: r.csv_line,
  }));

  const ruleRejects = ctx.scan.records - inserted - structuralRows.length;
  if (ruleRejects > 0 && rejects.length < ctx.rejectsKept) {
    // Locate the records the rules refused: materialised, a row's rowid is its place in the file.
    await conn.run(`create or replace temp table cw_checked as ${check}`, checkParams as never);
    const refused = await conn.runAndReadAll(
      // Inside a transaction rowids start at a transaction-local offset: count from the first.
      `select rowid - (select min(rowid) from cw_checked) as rowid, reject_column, reject_reason
       from cw_checked where reject_reason is not null order by rowid limit $n`,
      { n: ctx.rejectsKept - rejects.length },
    );
    for (const r of refused.getRowObjectsJS() as Array<{ rowid: bigint; reject_column: string; reject_reason: string }>) {
      rejects.push({
        line: lines.lineOfOrdinal(lines.ordinalOfRowid(Number(r.rowid))),
        column: r.reject_column,
        reason: r.reject_reason,
        rawLine: null,
      });
    }
    await conn.run("drop table cw_checked");
  }
  return { inserted, rejectCount: ctx.scan.records - inserted, rejects, lines };
}
