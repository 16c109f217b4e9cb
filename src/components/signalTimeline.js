import * as Plot from "@observablehq/plot";
import {chartWidth} from "./format.js";

/** Which signals fired in which week (week × signal), darker for higher severity. */
export function signalTimeline(signals, {weeks, name, width}) {
  const fired = [...new Set(signals.map((d) => d.signal))];
  const order = name.codes.filter((c) => fired.includes(c));
  return Plot.plot({
    width: chartWidth(width, 480),
    height: 30 * Math.max(order.length, 1) + 70,
    marginLeft: 200,
    x: {domain: weeks, label: null, tickRotate: weeks.length > 12 ? -45 : 0},
    y: {domain: order, tickFormat: (c) => name(c), label: null},
    color: {type: "ordinal", domain: [1, 2, 3], range: ["#f5cba7", "#e67e22", "#a04000"], legend: true, tickFormat: (s) => `严重度 severity ${s}`},
    marks: [
      Plot.cell(signals, {x: "week", y: "signal", fill: "severity", inset: 1, tip: {channels: {reason: "reason", members: "members_affected"}}}),
      Plot.text(signals, {x: "week", y: "signal", text: "members_affected", fill: "white", fontSize: 10})
    ]
  });
}
