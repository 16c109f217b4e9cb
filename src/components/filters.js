import * as Inputs from "@observablehq/inputs";
import {fromUrl} from "./urlState.js";

/**
 * A select of a column's values with "全部" (null) first, tagged `data-filter` so the browser test
 * finds it, its first value taken from the URL parameter of the same name (urlState.js). `order`
 * lists values in a fixed order (tiers, signal codes); others sort as Chinese text. With
 * `matches`, null keeps every row.
 */
export function filterSelect(key, label, values, {format = (v) => v, order = null} = {}) {
  const distinct = [...new Set(values.filter((v) => v != null && v !== ""))];
  if (order) distinct.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  else distinct.sort((a, b) => String(a).localeCompare(String(b), "zh"));
  const wanted = fromUrl(key);
  const input = Inputs.select([null, ...distinct], {
    label,
    format: (v) => (v == null ? "全部" : format(v)),
    value: distinct.includes(wanted) ? wanted : null
  });
  input.setAttribute("data-filter", key);
  return input;
}

/** Whether a row's value passes a filter (null: no filter). */
export const matches = (value, rowValue) => value == null || value === rowValue;
