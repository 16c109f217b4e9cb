import * as Plot from "@observablehq/plot";
import {chartWidth, tierLabel, tierScale} from "./format.js";

/**
 * A group's risk score over the weeks, dots coloured by tier, the tier cut-offs drawn and labelled
 * ("高风险 ≥ 70"), and the week picked marked.
 */
export function groupScoreTimeline(weeks, {week, width, mediumMinScore, highMinScore}) {
  const cuts = [
    {score: highMinScore, tier: "high"},
    {score: mediumMinScore, tier: "medium"}
  ];
  return Plot.plot({
    width: chartWidth(width),
    height: 230,
    marginLeft: 45,
    marginRight: 90,
    x: {type: "point", label: null, tickRotate: weeks.length > 4 ? -45 : 0},
    y: {domain: [0, 100], grid: true, label: "风险分"},
    color: tierScale,
    marks: [
      Plot.ruleX([week], {stroke: "currentColor", strokeOpacity: 0.12, strokeWidth: 14}),
      Plot.ruleY(cuts, {y: "score", stroke: "tier", strokeDasharray: "4,3"}),
      Plot.text(cuts, {y: "score", x: weeks.at(-1)?.week, text: (d) => `${tierLabel(d.tier)} ≥ ${d.score}`, textAnchor: "start", dx: 10, dy: -6, fill: "tier"}),
      Plot.lineY(weeks, {x: "week", y: "risk_score", stroke: "#999"}),
      Plot.dot(weeks, {x: "week", y: "risk_score", fill: "tier", r: (d) => (d.week === week ? 7 : 4), stroke: (d) => (d.week === week ? "black" : null), tip: true, title: (d) => `${d.week}：${d.risk_score} 分（${tierLabel(d.tier)}）`})
    ]
  });
}
