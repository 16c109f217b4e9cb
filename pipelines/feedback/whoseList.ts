import { basename, extname } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { callListLayout as layout } from "../export/callListLayout.ts";
import { managerFileName } from "../export/managerFileName.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { MANAGER_COLUMN } from "./columnKeyOf.ts";
import { Refusal } from "./refusal.ts";
import type { ReturnedSheet } from "./returnedSheet.ts";

/** Whose list of which week a returned file answers. */
export interface WhoseList {
  managerId: string | null;
  week: string;
}

interface Claim {
  managerId: string | null;
  /** Where the file says it, for messages. */
  source: string;
  row: number | null;
  column: string | null;
}

/** The one value the lines hold in column `key` (empty cells aside); refuses a file whose lines disagree. */
function oneValue(sheet: ReturnedSheet, key: string, what: string): { value: string; row: number } | null {
  let first: { value: string; row: number } | null = null;
  for (const line of sheet.lines) {
    const cell = line.cells.get(key);
    if (typeof cell !== "string") continue;
    if (first === null) first = { value: cell, row: line.row };
    else if (cell !== first.value) {
      throw new Refusal([{ row: line.row, column: sheet.columns.get(key) ?? key, reason: `another ${what} than row ${first.row}'s: a file answers one ${what}'s list` }]);
    }
  }
  return first;
}

function theWeek(sheet: ReturnedSheet): { week: string; row: number | null; column: string } {
  const fromInfo = sheet.info?.week;
  if (fromInfo) return { week: fromInfo, row: null, column: `week (sheet ${layout.infoSheetName})` };
  const fromLines = oneValue(sheet, "week", "week");
  if (!fromLines) throw new Refusal("no line says which week's list this is: the file holds no line of a call list");
  return { week: fromLines.value, row: fromLines.row, column: sheet.columns.get("week") ?? "week" };
}

/**
 * Whose list a returned file answers, and of which week (outputs.md: a file may only speak for its
 * own manager's groups). The file must say so, and everything it says must agree: a workbook by its
 * info sheet (callListLayout.ts); any file by a `manager_id` column, or by its name as the export
 * named it (managerFileName.ts: the stem maps to one manager of that week's list). The week must
 * have a published list, and the manager a list in it. Nothing said, or two sayings that differ,
 * refuses the file.
 */
export async function whoseList(conn: DuckDBConnection, sheet: ReturnedSheet, fileName: string): Promise<WhoseList> {
  const { week, row, column } = theWeek(sheet);
  const managers = isIsoWeek(week)
    ? (await sql.rows<{ manager_id: string | null }>(conn, "feedback/list_managers.sql", { week })).map((m) => m.manager_id)
    : [];
  if (managers.length === 0) throw new Refusal([{ row, column, reason: "unknown week: no call list was published for it" }]);

  const claims: Claim[] = [];
  if (sheet.info && sheet.info.managerId !== undefined) {
    claims.push({ managerId: sheet.info.managerId || null, source: `the sheet ${layout.infoSheetName}`, row: null, column: `manager_id (sheet ${layout.infoSheetName})` });
  }
  const fromColumn = sheet.columns.has(MANAGER_COLUMN) ? oneValue(sheet, MANAGER_COLUMN, "manager") : null;
  if (fromColumn) claims.push({ managerId: fromColumn.value, source: `the column ${MANAGER_COLUMN}`, row: fromColumn.row, column: sheet.columns.get(MANAGER_COLUMN)! });
  const stem = basename(fileName, extname(fileName));
  const named = managers.filter((m) => managerFileName(m) === stem);
  if (named.length === 1) claims.push({ managerId: named[0], source: "the file name", row: null, column: null });

  if (claims.length === 0) {
    throw new Refusal(
      `cannot tell whose list this is: no ${layout.infoSheetName} sheet, no ${MANAGER_COLUMN} column, and the file name is not a list's name of that week (<manager>.csv, as exported)`,
    );
  }
  const [first, ...others] = claims;
  const other = others.find((c) => c.managerId !== first.managerId);
  if (other) throw new Refusal(`${first.source} and ${other.source} name different managers: a file answers one manager's list`);
  if (!managers.includes(first.managerId)) {
    throw new Refusal([{ row: first.row, column: first.column, reason: `the manager ${first.source} names has no call list in that week` }]);
  }
  return { managerId: first.managerId, week };
}
