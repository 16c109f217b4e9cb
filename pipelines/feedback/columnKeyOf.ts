import { workbookColumns } from "../export/workbookColumns.ts";

/** Not a column of the list, but a returned CSV may say with it whose list it answers. */
export const MANAGER_COLUMN = "manager_id";

/**
 * The key of a column a returned file names: a key of the list sheet (the contract's names, as the
 * CSV header and the workbook's key row have them), `manager_id`, or, in a CSV a manager put
 * together with the workbook's Chinese headers, a header (联系结果 is contact_result). null: a
 * column the loader does not know, which it ignores.
 */
export function columnKeyOf(name: string | null): string | null {
  if (name === null || name === "") return null;
  if (name === MANAGER_COLUMN) return name;
  return workbookColumns.find((c) => c.key === name || c.header === name)?.key ?? null;
}
