import {el, fmtInt} from "./format.js";

/**
 * A headline figure with its change against last week. `data-metric`/`data-value` carry the raw
 * number so the browser test compares it with the warehouse; `worseWhenUp` colours a rise red.
 */
export function metricCard({key, label, value, previous, format = fmtInt, worseWhenUp = true}) {
  const change = previous == null ? null : value - previous;
  const arrow = change == null || change === 0 ? "" : change > 0 ? "▲" : "▼";
  const direction = change > 0 ? "up" : change < 0 ? "down" : "";
  return el(
    "div",
    {class: "card metric", "data-metric": key, "data-value": value},
    el("h2", {}, label),
    el("div", {class: "value"}, format(value)),
    el(
      "div",
      {class: `delta ${direction} ${worseWhenUp ? "" : "good"}`},
      change == null ? "上周无数据" : change === 0 ? "与上周持平" : `较上周 ${arrow} ${format(Math.abs(change))}`
    )
  );
}
