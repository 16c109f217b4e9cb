import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { publishFollowUp } from "../publish/publishFollowUp.ts";
import type { ReturnedCall } from "./returnedCall.ts";
import type { WhoseList } from "./whoseList.ts";

/**
 * Stores a checked file's calls in one transaction, so it loads whole or not at all: the earlier
 * returns for the same calls are replaced (a later return wins), the file is recorded as loaded
 * (any earlier refusal of the same bytes goes), and the week's follow-up is published again
 * (pub_call_follow_up: what the dashboard and next week's carry-over read). Returns the calls replaced.
 */
export async function storeCalls(
  conn: DuckDBConnection, file: { sha256: string; fileName: string }, list: WhoseList, calls: ReturnedCall[], loadedAt: string,
): Promise<number> {
  const params = { week: list.week, manager_id: list.managerId, file_sha256: file.sha256, loaded_at: loadedAt };
  const rows = JSON.stringify(calls.map(({ row, week, ...call }) => call));
  return sql.transaction(conn, async () => {
    const { rowsChanged: replaced } = await sql.run(conn, "feedback/replace_calls.sql", { ...params, calls: rows });
    await sql.run(conn, "feedback/insert_calls.sql", { ...params, calls: rows });
    await sql.exec(conn, "delete from feedback_files where sha256 = $sha256 and outcome = 'refused'", { sha256: file.sha256 });
    await sql.run(conn, "feedback/record_file.sql", {
      sha256: file.sha256, file_name: file.fileName, manager_id: list.managerId, week: list.week,
      rows: calls.length, outcome: "loaded", message: null, loaded_at: loadedAt,
    });
    await publishFollowUp(conn, list.week);
    return replaced;
  });
}
