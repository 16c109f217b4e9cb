import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";

export interface RefusedFile {
  /** "" when the file was not read (a link, a file too large): its checksum is unknown. */
  sha256: string;
  fileName: string;
  managerId: string | null;
  week: string | null;
  message: string;
}

/**
 * Records a refused file in feedback_files (one row per file and name, the latest refusal). A file
 * refused again for the same reason leaves the row as it is, so a folder re-read by every weekly run
 * changes nothing while a bad file waits there to be replaced.
 */
export async function recordRefusal(conn: DuckDBConnection, file: RefusedFile, loadedAt: string): Promise<void> {
  const key = { sha256: file.sha256, file_name: file.fileName };
  const [same] = await sql.query<{ n: number }>(
    conn,
    `select count(*)::integer as n from feedback_files
     where sha256 = $sha256 and file_name = $file_name and outcome = 'refused'
       and message = $message and manager_id is not distinct from $manager_id::varchar and week is not distinct from $week::varchar`,
    { ...key, message: file.message, manager_id: file.managerId, week: file.week },
  );
  if (same.n > 0) return;
  await sql.transaction(conn, async () => {
    await sql.exec(conn, "delete from feedback_files where sha256 = $sha256 and file_name = $file_name and outcome = 'refused'", key);
    await sql.run(conn, "feedback/record_file.sql", {
      ...key, manager_id: file.managerId, week: file.week, rows: 0, outcome: "refused", message: file.message, loaded_at: loadedAt,
    });
  });
}
