import * as Plot from "@observablehq/plot";
import {chartWidth, TIER_ZH} from "./format.js";

/** A backtest subject (signal code, dual-phone model, tier, score) in words. */
export function subjectLabel(row, name) {
  if (row.kind === "signal") return name(row.subject);
  if (row.kind === "model") return `双机模型 model: ${row.subject}`;
  if (row.kind === "tier") return `${TIER_ZH[row.subject] ?? ""}风险 tier ${row.subject}`;
  return "风险分前段 risk score (top)";
}

/** Lift of each warning (precision ÷ base rate): above 1, warned units churned more than the rest. */
export function liftChart(results, {name, width}) {
  const data = results.filter((d) => d.lift != null).map((d) => ({...d, label: subjectLabel(d, name)}));
  return Plot.plot({
    width: chartWidth(width, 520),
    height: 26 * Math.max(data.length, 1) + 60,
    marginLeft: 230,
    marginRight: 70,
    x: {grid: true, label: "提升度 lift (×)", zero: true},
    y: {domain: data.map((d) => d.label), label: null},
    marks: [
      Plot.barX(data, {y: "label", x: "lift", fill: (d) => (d.lift >= 1 ? "#c0392b" : "#95a5a6"), tip: {channels: {precision: "precision", recall: "recall", flagged: "flagged", churned: "flagged_churned"}}}),
      Plot.text(data, {y: "label", x: "lift", text: (d) => `${d.lift.toFixed(1)}×`, dx: 6, textAnchor: "start"}),
      Plot.ruleX([1], {stroke: "currentColor", strokeDasharray: "3,3"})
    ]
  });
}

/** Cumulative gains of the group risk score: the share of churned groups in each week's top k %. */
export function gainsCurve(gains, {width}) {
  return Plot.plot({
    width: chartWidth(width),
    height: 280,
    x: {label: "按风险分取前 top share of groups by risk score", percent: true, domain: [0, 100]},
    y: {label: "捕获的流失集团 share of churned groups", percent: true, domain: [0, 100], grid: true},
    color: {legend: true},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "#bbb", strokeDasharray: "4,3"}),
      Plot.line(gains.filter((d) => d.population_share != null && d.churner_share != null), {x: "population_share", y: "churner_share", stroke: "label", strokeWidth: 2, tip: true})
    ]
  });
}
