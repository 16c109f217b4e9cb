import * as Plot from "@observablehq/plot";
import {chartWidth, integerTicks, NETWORK_ZH} from "./format.js";

const NETWORKS = ["CT", "CU", "CMCC", "FIXED", "INTL", "UNKNOWN"];
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#8c564b", "#9467bd", "#bbbbbb"];

/** Calls forwarded per week by the target's network (counts only: targets are never named). */
export function forwardingByNetwork(rows, {weeks, week, width}) {
  const totals = new Map();
  for (const d of rows) totals.set(d.week, (totals.get(d.week) ?? 0) + d.calls);
  return Plot.plot({
    width: chartWidth(width),
    height: 230,
    marginLeft: 50,
    x: {domain: weeks, label: null, tickRotate: weeks.length > 8 ? -45 : 0},
    y: {grid: true, label: "呼转次数", ticks: integerTicks(Math.max(0, ...totals.values())), tickFormat: "d"},
    color: {domain: NETWORKS, range: COLORS, legend: true, tickFormat: (n) => NETWORK_ZH[n] ?? n},
    marks: [
      Plot.cell([week], {x: (d) => d, fill: "currentColor", fillOpacity: 0.08}),
      Plot.barY(rows, {x: "week", y: "calls", fill: "network", order: NETWORKS, tip: true, title: (d) => `${d.week} 转至${NETWORK_ZH[d.network] ?? d.network}：${d.calls} 次，${d.members} 名成员，${d.targets} 个号码`}),
      Plot.ruleY([0])
    ]
  });
}
