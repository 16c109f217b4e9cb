import * as Plot from "@observablehq/plot";
import {chartWidth} from "./format.js";

/** Which signals fired in which week (week × signal), darker for higher severity; the week picked marked. */
export function signalTimeline(signals, {weeks, week, name, width}) {
  const fired = [...new Set(signals.map((d) => d.signal))];
  const order = name.codes.filter((c) => fired.includes(c));
  return Plot.plot({
    width: chartWidth(width, 480),
    height: 30 * Math.max(order.length, 1) + 80,
    marginLeft: 130,
    x: {domain: weeks, label: null, tickRotate: weeks.length > 8 ? -45 : 0},
    y: {domain: order, tickFormat: (c) => name(c), label: null},
    color: {type: "ordinal", domain: [1, 2, 3], range: ["#f5cba7", "#e67e22", "#a04000"], legend: true, tickFormat: (s) => `严重度 ${s}`},
    marks: [
      Plot.cell([week], {x: (d) => d, fill: "currentColor", fillOpacity: 0.08}),
      Plot.cell(signals, {x: "week", y: "signal", fill: "severity", inset: 1, tip: true, title: (d) => `${d.week} ${name(d.signal)}（严重度 ${d.severity}）：${d.reason}`}),
      Plot.text(signals, {x: "week", y: "signal", text: "members_affected", fill: "white", fontSize: 10})
    ]
  });
}
