import * as Plot from "@observablehq/plot";
import {chartWidth, tierScale} from "./format.js";

/** A group's risk score over the weeks, dots coloured by tier, with the tier cut-offs in force. */
export function groupScoreTimeline(weeks, {width, mediumMinScore, highMinScore}) {
  return Plot.plot({
    width: chartWidth(width),
    height: 220,
    marginLeft: 45,
    x: {type: "point", label: null, tickRotate: weeks.length > 4 ? -45 : 0},
    y: {domain: [0, 100], grid: true, label: "风险分 risk score"},
    color: tierScale,
    marks: [
      Plot.ruleY([mediumMinScore, highMinScore], {stroke: (d) => (d === highMinScore ? "high" : "medium"), strokeDasharray: "4,3"}),
      Plot.lineY(weeks, {x: "week", y: "risk_score", stroke: "#999"}),
      Plot.dot(weeks, {x: "week", y: "risk_score", fill: "tier", r: 5, tip: true, channels: {signals: "signals"}})
    ]
  });
}
