import { Refusal } from "./refusal.ts";

// A line is known by these: the list's week, its group and its person.
const REQUIRED = ["week", "group_id", "person_msisdn"];

/**
 * Which column holds which key, from a key row (a workbook's hidden row 1, a CSV's header):
 * `keys[i]` is column i's key, or null for a column the loader does not know (a manager's own
 * column is ignored). A key twice, or a line's identifying key missing, refuses the file.
 * `describe(i, key)` names a column in messages.
 */
export function indexColumns(
  keys: Array<string | null>, keyRow: number, describe: (index: number, key: string) => string,
): { keyAt: Map<number, string>; columns: Map<string, string> } {
  const keyAt = new Map<number, string>();
  const columns = new Map<string, string>();
  keys.forEach((key, i) => {
    if (key === null) return;
    if (columns.has(key)) throw new Refusal([{ row: keyRow, column: describe(i, key), reason: `the column key appears twice (first as ${columns.get(key)})` }]);
    keyAt.set(i, key);
    columns.set(key, describe(i, key));
  });
  const missing = REQUIRED.filter((key) => !columns.has(key));
  if (missing.length > 0) {
    throw new Refusal([{ row: keyRow, column: null, reason: `no column ${missing.join(", ")} in the key row: the list's lines cannot be matched (was the key row changed or deleted?)` }]);
  }
  return { keyAt, columns };
}
