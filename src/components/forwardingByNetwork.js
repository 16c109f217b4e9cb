import * as Plot from "@observablehq/plot";
import {chartWidth, NETWORK_ZH} from "./format.js";

const NETWORKS = ["CT", "CU", "CMCC", "FIXED", "INTL", "UNKNOWN"];
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#8c564b", "#9467bd", "#bbbbbb"];

/** Calls forwarded per week by the target's network (counts only: targets are never named). */
export function forwardingByNetwork(rows, {weeks, width}) {
  return Plot.plot({
    width: chartWidth(width),
    height: 220,
    marginLeft: 50,
    x: {domain: weeks, label: null, tickRotate: weeks.length > 12 ? -45 : 0},
    y: {grid: true, label: "呼转次数 forwarded calls"},
    color: {domain: NETWORKS, range: COLORS, legend: true, tickFormat: (n) => `${NETWORK_ZH[n]} ${n}`},
    marks: [
      Plot.barY(rows, {x: "week", y: "calls", fill: "network", order: NETWORKS, tip: {channels: {members: "members", targets: "targets"}}}),
      Plot.ruleY([0])
    ]
  });
}
