import * as Plot from "@observablehq/plot";
import {chartWidth} from "./format.js";

const SERIES = [
  ["minutes_per_member", "本集团", "#4269d0", null],
  ["baseline_minutes_per_member", "本集团基线（此前几周中位数）", "#e67e22", "5,3"],
  ["population_minutes_per_member", "全部集团平均", "#999999", null]
];

/**
 * Minutes per member active all week: the group, its own baseline (another colour, dashed), and
 * every group's mean; the week picked marked.
 */
export function usageTrend(weeks, {week, width}) {
  const rows = SERIES.flatMap(([key, label]) => weeks.filter((d) => d[key] != null).map((d) => ({week: d.week, series: label, minutes: d[key]})));
  return Plot.plot({
    width: chartWidth(width),
    height: 250,
    marginLeft: 50,
    x: {type: "point", domain: weeks.map((d) => d.week), label: null, tickRotate: weeks.length > 8 ? -45 : 0},
    y: {grid: true, zero: true, label: "分钟/人·周"},
    color: {domain: SERIES.map((s) => s[1]), range: SERIES.map((s) => s[2]), legend: true},
    marks: [
      Plot.ruleX([week], {stroke: "currentColor", strokeOpacity: 0.12, strokeWidth: 14}),
      ...SERIES.map(([, label, , dash]) =>
        Plot.line(rows.filter((d) => d.series === label), {x: "week", y: "minutes", stroke: "series", strokeDasharray: dash, strokeWidth: 2})
      ),
      Plot.dot(rows, {x: "week", y: "minutes", fill: "series", r: (d) => (d.week === week ? 4 : 0), tip: true, title: (d) => `${d.week} ${d.series}：${d.minutes} 分钟`})
    ]
  });
}
