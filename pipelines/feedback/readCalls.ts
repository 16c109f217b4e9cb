import { contactedOnWindow } from "../export/contactedOnWindow.ts";
import { feedbackColumns } from "../export/feedbackColumns.ts";
import { codeOf, type WorkbookColumn } from "../export/workbookColumn.ts";
import { contactedOnDate } from "./contactedOnDate.ts";
import type { FeedbackProblem } from "./feedbackProblem.ts";
import type { ReturnedCall } from "./returnedCall.ts";
import type { ReturnedCell, ReturnedSheet } from "./returnedSheet.ts";

const asText = (cell: ReturnedCell | undefined) => (cell === undefined ? null : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);

/** A coded cell's code: the drop-down's label (what the workbook offers) or the code itself (what a CSV holds). */
function codeIn(column: WorkbookColumn, text: string): string | undefined {
  return codeOf(column, text) ?? column.values?.find((v) => v.code === text)?.code;
}

/**
 * The call records of a returned list of week `week`: every line the manager filled anything in
 * (a line left blank is no call record: counted, skipped), its coded columns mapped to codes
 * (feedbackColumns.ts is the one code↔label table) and its date checked against the list's window
 * (contactedOnWindow.ts). Each value that is not allowed is a problem, named by row and column.
 */
export function readCalls(sheet: ReturnedSheet, week: string): { calls: ReturnedCall[]; blank: number; problems: FeedbackProblem[] } {
  const window = contactedOnWindow(week);
  const calls: ReturnedCall[] = [];
  const problems: FeedbackProblem[] = [];
  let blank = 0;
  for (const line of sheet.lines) {
    if (feedbackColumns.every((column) => !line.cells.has(column.key))) {
      blank++;
      continue;
    }
    const call: ReturnedCall = {
      row: line.row,
      week: asText(line.cells.get("week")),
      group_id: asText(line.cells.get("group_id")),
      msisdn: asText(line.cells.get("person_msisdn")),
      contact_result: null, outcome: null, competitor: null, competitor_offer: null, note: null, contacted_on: null,
    };
    for (const column of feedbackColumns) {
      const cell = line.cells.get(column.key);
      if (cell === undefined) continue;
      const problem = (reason: string) => problems.push({ row: line.row, column: sheet.columns.get(column.key) ?? column.key, reason });
      if (column.input === "list") {
        const code = codeIn(column, asText(cell)!);
        if (code === undefined) problem(`not one of the drop-down values (${column.values.map((v) => v.label).join(", ")}, or their codes)`);
        else call[column.key] = code;
      } else if (column.input === "date") {
        const date = contactedOnDate(cell);
        if (date === null) problem("not a date (YYYY-MM-DD)");
        else if (date < window.first || date > window.last) problem(`a date outside the list's weeks (${window.first} to ${window.last})`);
        else call.contacted_on = date;
      } else call[column.key] = asText(cell);
    }
    calls.push(call);
  }
  return { calls, blank, problems };
}
