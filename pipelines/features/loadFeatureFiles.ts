import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import { BundleError } from "../lib/errors.ts";
import { errorKind } from "../lib/errorKind.ts";
import { sql } from "../db/sql.ts";
import { utcTime } from "../lib/utcTime.ts";
import { FEATURE_TABLES, type FeatureTable } from "../ingest/featureTables.ts";

/** One Parquet file of a feature bundle, as its manifest lists it. */
export interface FeatureFile {
  table: FeatureTable;
  /** Path inside the bundle, for messages. */
  label: string;
  path: string;
  rows: number;
}

/**
 * Loads a feature bundle's week of features (feat_member_contact, feat_member_handset) in place of
 * computing them from raw records, and books the week in feature_weeks — inside the caller's
 * transaction. Every file must have the warehouse table's columns with their types, the rows its
 * manifest declares, and sound values (features/check_*.sql); anything else fails the bundle,
 * naming the file, row, column and reason.
 */
export async function loadFeatureFiles(
  conn: DuckDBConnection,
  week: string,
  files: FeatureFile[],
  label: string,
  shown: number,
): Promise<Record<FeatureTable, number>> {
  await sql.script(conn, "features/schema.sql");
  for (const table of ["feat_member_contact", "feat_member_handset", "feature_weeks"]) {
    await sql.exec(conn, `delete from ${table} where week = $week`, { week });
  }
  const loaded = {} as Record<FeatureTable, number>;
  for (const table of FEATURE_TABLES) {
    const mine = files.filter((f) => f.table === table);
    const expected = await sql.query<{ name: string; type: string }>(conn,
      "select column_name as name, data_type as type from information_schema.columns where table_name = $table order by ordinal_position",
      { table });
    for (const file of mine) await checkFileShape(conn, file, expected, label);
    const paths = listValue(mine.map((f) => f.path));
    const broken = await sql.query<{ filename: string; row_number: number; reject: string }>(conn,
      `select filename, row_number::bigint as row_number, reject from (${sql.text(`features/check_${table}.sql`)}) order by filename, row_number`,
      { paths, week });
    if (broken.length > 0) {
      const where = (r: (typeof broken)[number]) => mine.find((f) => f.path === r.filename)?.label ?? "?";
      throw new BundleError(
        `${label}/${where(broken[0])}: ${broken.length} feature row(s) refused, a feature bundle loads whole or not at all: ` +
          broken.slice(0, shown).map((r) => `${where(r)} row ${r.row_number}: ${r.reject.replace("|", ": ")}`).join("; "),
      );
    }
    // the warehouse's own column names: nothing of the file's text reaches the statement
    const columns = expected.map((c) => c.name).join(", ");
    loaded[table] = (await sql.exec(conn,
      `insert into ${table} (${columns}) select ${columns} from read_parquet($paths)`, { paths })).rowsChanged;
  }
  await sql.run(conn, "features/feature_weeks.sql", {
    week, source: "feature_bundle", computed_at: utcTime(new Date(), true),
  });
  return loaded;
}

/** The file reads as Parquet, has every column of the table with its type, and the rows declared. */
async function checkFileShape(conn: DuckDBConnection, file: FeatureFile, expected: Array<{ name: string; type: string }>, label: string): Promise<void> {
  const where = `${label}/${file.label}`;
  let columns: Array<{ name: string; type: string }>;
  let rows: number;
  try {
    columns = await sql.query(conn, "select column_name as name, column_type as type from (describe select * from read_parquet($path))", { path: file.path });
    [{ rows }] = await sql.query<{ rows: number }>(conn, "select count(*)::bigint as rows from read_parquet($path)", { path: file.path });
  } catch (e) {
    throw new BundleError(`${where}: not a readable Parquet file (${errorKind(e)})`);
  }
  for (const column of expected) {
    const found = columns.find((c) => c.name === column.name);
    if (!found) throw new BundleError(`${where}: lacks column ${column.name} (${column.type})`);
    if (found.type !== column.type) throw new BundleError(`${where}: column ${column.name} is ${found.type}, the feature bundle contract says ${column.type}`);
  }
  if (Number(rows) !== file.rows) throw new BundleError(`${where}: manifest says ${file.rows} rows, the file has ${rows}`);
}
