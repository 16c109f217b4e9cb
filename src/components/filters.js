import * as Inputs from "@observablehq/inputs";

/**
 * A select of a column's values with "all" (null) first, tagged `data-filter` so the browser test
 * finds it. With `matches`, a null value keeps every row.
 */
export function filterSelect(key, label, values, {format = (v) => v} = {}) {
  const distinct = [...new Set(values.filter((v) => v != null && v !== ""))].sort((a, b) => String(a).localeCompare(String(b), "zh"));
  const input = Inputs.select([null, ...distinct], {label, format: (v) => (v == null ? "全部 all" : format(v))});
  input.setAttribute("data-filter", key);
  return input;
}

/** Whether a row's value passes a filter (null: no filter). */
export const matches = (value, rowValue) => value == null || value === rowValue;
