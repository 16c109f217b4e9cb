import * as Plot from "@observablehq/plot";
import {chartWidth, TIERS, tierLabel, tierScale} from "./format.js";

/** Medium and high groups per week, stacked, with the selected week marked. */
export function riskTrend(summary, {week, width}) {
  const rows = summary.flatMap((d) => [
    {week: d.week, tier: "high", groups: d.groups_high},
    {week: d.week, tier: "medium", groups: d.groups_medium}
  ]);
  return Plot.plot({
    width: chartWidth(width),
    height: 220,
    marginLeft: 50,
    x: {type: "band", label: null, tickRotate: summary.length > 12 ? -45 : 0},
    y: {grid: true, label: "集团数"},
    color: {...tierScale, domain: TIERS.slice(0, 2), range: tierScale.range.slice(0, 2)},
    marks: [
      Plot.barY(rows, {x: "week", y: "groups", fill: "tier", order: TIERS, tip: true, title: (d) => `${d.week} ${tierLabel(d.tier)}：${d.groups} 个集团`}),
      Plot.ruleX([week], {x: (d) => d, stroke: "currentColor", strokeDasharray: "3,3", insetTop: -5}),
      Plot.ruleY([0])
    ]
  });
}

/** One headline figure over the weeks (members flagged, revenue at risk, members lost). */
export function metricTrend(summary, {y, label, week, width, format}) {
  return Plot.plot({
    width: chartWidth(width),
    height: 160,
    marginLeft: 60,
    x: {type: "point", label: null, tickRotate: summary.length > 12 ? -45 : 0},
    y: {grid: true, label, zero: true, tickFormat: format},
    marks: [
      Plot.lineY(summary, {x: "week", y, stroke: "#4269d0"}),
      Plot.ruleX([week], {stroke: "currentColor", strokeOpacity: 0.12, strokeWidth: 12}),
      Plot.dot(summary, {x: "week", y, fill: (d) => (d.week === week ? "#c0392b" : "#4269d0"), r: (d) => (d.week === week ? 5 : 3), tip: true, title: (d) => `${d.week}：${Math.round(d[y]).toLocaleString("zh-CN")} ${label}`}),
      Plot.ruleY([0])
    ]
  });
}
