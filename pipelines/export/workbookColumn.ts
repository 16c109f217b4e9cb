/** A code the files carry and the plain-Chinese word a person reads for it in the workbook. */
export interface CodeLabel {
  readonly code: string;
  readonly label: string;
  /** What the value means or asks of the manager, for the 使用说明 sheet. */
  readonly hint?: string;
}

/**
 * A column of the call-list workbook. `key` is the contract's name (outputs.md: the CSV header, and the
 * workbook's hidden key row); `header` is what the manager reads. A column with `values` holds codes:
 * the CSV writes the code, the workbook shows its label.
 */
export interface WorkbookColumn {
  readonly key: string;
  readonly header: string;
  /** Excel character widths, chosen so the whole sheet fits an A4 landscape page legibly. */
  readonly width: number;
  readonly meaning: string;
  readonly values?: readonly CodeLabel[];
}

/** The label a person reads for `code` in a coded column; undefined for a column without codes or an unknown code. */
export function labelOf(column: WorkbookColumn, code: string): string | undefined {
  return column.values?.find((v) => v.code === code)?.label;
}

/** The code behind a label a person picked (reading a returned workbook); undefined when it is not one. */
export function codeOf(column: WorkbookColumn, label: string): string | undefined {
  return column.values?.find((v) => v.label === label)?.code;
}
