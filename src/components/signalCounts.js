import * as Plot from "@observablehq/plot";
import {chartWidth, integerTicks} from "./format.js";

/** Per signal in the week: groups it fired in (of them medium/high: dark bar) and members touched. */
export function signalCounts(rows, {week, name, width}) {
  const totals = new Map(name.codes.map((signal) => [signal, {signal, groups: 0, at_risk: 0, members: 0}]));
  for (const d of rows) {
    const t = d.week === week && totals.get(d.signal);
    if (!t) continue;
    t.groups += d.groups;
    t.at_risk += d.groups_at_risk;
    t.members += d.members;
  }
  const data = [...totals.values()];
  return Plot.plot({
    width: chartWidth(width, 560),
    height: 30 * name.codes.length + 40,
    marginLeft: 130,
    marginRight: 140,
    x: {grid: true, label: "集团数（深色：其中中高风险）", ticks: integerTicks(Math.max(0, ...data.map((d) => d.groups))), tickFormat: "d"},
    y: {domain: name.codes, tickFormat: (c) => name(c), label: null},
    marks: [
      Plot.barX(data, {y: "signal", x: "groups", fill: "#f0b27a", tip: true, title: (d) => `${name(d.signal)}：${d.groups} 个集团（其中中高风险 ${d.at_risk} 个），涉及 ${d.members} 人`}),
      Plot.barX(data, {y: "signal", x: "at_risk", fill: "#c0392b", insetTop: 7, insetBottom: 7}),
      Plot.text(data, {y: "signal", x: "groups", text: (d) => `${d.groups} 个集团 · ${d.members} 人`, dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
}
