import * as Plot from "@observablehq/plot";
import {chartWidth} from "./format.js";

/** Branch × signal: groups in which each signal fired in the week; darker = more groups. */
export function branchSignalHeatmap(rows, {week, name, width}) {
  const data = rows.filter((d) => d.week === week);
  const branches = [...new Set(data.map((d) => d.branch))].sort((a, b) => a.localeCompare(b, "zh"));
  return Plot.plot({
    width: chartWidth(width),
    height: Math.max(160, 28 * branches.length + 110),
    marginLeft: 80,
    marginBottom: 100,
    padding: 0.05,
    x: {domain: name.codes, tickFormat: (c) => name.zh(c), tickRotate: -35, label: null},
    y: {domain: branches, label: null},
    color: {scheme: "oranges", legend: true, label: "集团数", zero: true},
    marks: [
      Plot.cell(data, {x: "signal", y: "branch", fill: "groups", tip: true, title: (d) => `${d.branch} · ${name(d.signal)}：${d.groups} 个集团`}),
      Plot.text(data, {x: "signal", y: "branch", text: "groups", fill: "black", fontSize: 11})
    ]
  });
}
