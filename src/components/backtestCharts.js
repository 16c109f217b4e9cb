import * as Plot from "@observablehq/plot";
import {chartWidth, MODEL_ZH, TIER_ZH} from "./format.js";

/** A backtest subject (signal code, dual-phone model, tier, score) in words. */
export function subjectLabel(row, name) {
  if (row.kind === "signal") return name(row.subject);
  if (row.kind === "model") return `双机模型：${MODEL_ZH[row.subject] ?? row.subject}`;
  if (row.kind === "tier") return `${TIER_ZH[row.subject] ?? row.subject}风险集团`;
  return "风险分最高的一段";
}

/**
 * Whether a backtest row's figures rest on enough cases: precision and lift on the warned
 * unit-weeks (`flagged`), recall and AUC on the churners (`base_churners`), weeks ahead on the
 * churns caught (`churn_events_warned`).
 */
export const fewCases = {
  flagged: (d, min) => d.flagged < min,
  churners: (d, min) => d.base_churners < min,
  caught: (d, min) => d.churn_events_warned < min
};

/**
 * Lift of each warning (precision ÷ base rate): above 1, warned units churned more than the rest.
 * A bar from fewer than `minCases` warned cases is drawn grey and labelled with its count.
 */
export function liftChart(results, {name, width, minCases}) {
  const data = results.filter((d) => d.lift != null).map((d) => ({...d, label: subjectLabel(d, name), few: fewCases.flagged(d, minCases)}));
  return Plot.plot({
    width: chartWidth(width, 520),
    height: 26 * Math.max(data.length, 1) + 60,
    marginLeft: 170,
    marginRight: 170,
    x: {grid: true, label: "提升度（倍）", zero: true},
    y: {domain: data.map((d) => d.label), label: null},
    marks: [
      Plot.barX(data, {y: "label", x: "lift", fill: (d) => (d.few ? "#d5d5d5" : d.lift >= 1 ? "#c0392b" : "#95a5a6"), tip: true, title: (d) => `${d.label}：提升度 ${d.lift.toFixed(2)} 倍，预警 ${d.flagged} 例中 ${d.flagged_churned} 例流失${d.few ? "（例数少，仅供参考）" : ""}`}),
      Plot.text(data, {y: "label", x: "lift", text: (d) => `${d.lift.toFixed(1)} 倍${d.few ? `（仅 ${d.flagged} 例）` : ""}`, fill: (d) => (d.few ? "#888" : "currentColor"), dx: 6, textAnchor: "start"}),
      Plot.ruleX([1], {stroke: "currentColor", strokeDasharray: "3,3"})
    ]
  });
}

/** Cumulative gains of the group risk score: the share of churned groups in each week's top k %. */
export function gainsCurve(gains, {width}) {
  const label = (l) => (l === "any_churn" ? "任何流失" : "携号转出");
  return Plot.plot({
    width: chartWidth(width),
    height: 280,
    x: {label: "按风险分从高到低所取集团的比例（%）", percent: true, domain: [0, 100]},
    y: {label: "覆盖的流失集团比例（%）", percent: true, domain: [0, 100], grid: true},
    color: {legend: true, tickFormat: label},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "#bbb", strokeDasharray: "4,3"}),
      Plot.line(gains.filter((d) => d.population_share != null && d.churner_share != null), {x: "population_share", y: "churner_share", stroke: "label", strokeWidth: 2, tip: true, title: (d) => `${label(d.label)}：风险分最高的 ${Math.round(d.population_share * 100)}% 集团覆盖了 ${Math.round(d.churner_share * 100)}% 的流失集团`})
    ]
  });
}
