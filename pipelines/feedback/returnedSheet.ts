/** A cell of a returned list as read: text (trimmed, never empty) or, from a workbook, a date. */
export type ReturnedCell = string | Date;

/** One line of a returned list: the row the manager's spreadsheet shows it on, and its cells by column key. */
export interface ReturnedLine {
  row: number;
  /** Keyed columns only (the contract's names); empty cells are absent. */
  cells: Map<string, ReturnedCell>;
}

/**
 * A returned call list as read from a workbook or a CSV, whichever it was: columns matched by their
 * keys (the workbook's hidden key row, the CSV's header), never by position.
 */
export interface ReturnedSheet {
  /**
   * What the workbook's info sheet says (callListLayout.ts): whose list, which week. null: no info
   * sheet (a CSV, or a workbook from before it had one); a key it does not hold is undefined.
   */
  info: { managerId?: string | null; week?: string | null } | null;
  /** How a message names each keyed column the file has ("contact_result (联系结果, column M)"), by key. */
  columns: Map<string, string>;
  /** Lines with anything in a keyed column, in file order. */
  lines: ReturnedLine[];
}
