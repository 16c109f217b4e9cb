import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import type { FeedbackProblem } from "./feedbackProblem.ts";
import type { ReturnedCall } from "./returnedCall.ts";
import type { ReturnedSheet } from "./returnedSheet.ts";
import type { WhoseList } from "./whoseList.ts";

/**
 * Each call record matched to the list it answers (pipelines/sql/feedback/check_calls.sql): the
 * list's week, a group on it, of this file's manager, a person on that group's lines, once.
 */
export async function checkCalls(conn: DuckDBConnection, sheet: ReturnedSheet, list: WhoseList, calls: ReturnedCall[]): Promise<FeedbackProblem[]> {
  if (calls.length === 0) return [];
  const found = await sql.rows<{ row: number; problem: string }>(conn, "feedback/check_calls.sql", {
    week: list.week,
    manager_id: list.managerId,
    calls: JSON.stringify(calls.map(({ row, week, group_id, msisdn }) => ({ row, week, group_id, msisdn }))),
  });
  return found.map(({ row, problem }) => {
    const [key, reason] = problem.split(/\|(.*)/s);
    // the model names the column by its key; a message names it as the file shows it
    return { row: Number(row), column: sheet.columns.get(key) ?? key, reason };
  });
}
