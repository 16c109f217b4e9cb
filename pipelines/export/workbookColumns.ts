import { callListColumns } from "./callListColumns.ts";
import { feedbackColumns } from "./feedbackColumns.ts";
import type { FeedbackInput } from "./feedbackColumns.ts";
import type { WorkbookColumn } from "./workbookColumn.ts";

/** A column of the list sheet: the list's own (`input` absent: the manager reads it) or a feedback one. */
export type ListSheetColumn = WorkbookColumn & { readonly input?: FeedbackInput };

/** The list sheet's columns, left to right: the call list's, then the ones the manager fills in. */
export const workbookColumns: readonly ListSheetColumn[] = [...callListColumns, ...feedbackColumns];
