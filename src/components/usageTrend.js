import * as Plot from "@observablehq/plot";
import {chartWidth} from "./format.js";

const SERIES = [
  ["minutes_per_member", "本集团 this group", "#4269d0", null],
  ["baseline_minutes_per_member", "本集团基线 its baseline (median of prior weeks)", "#4269d0", "4,3"],
  ["population_minutes_per_member", "全部集团 all groups", "#999", null]
];

/** Minutes per member active all week: the group, its own baseline, and every group's. */
export function usageTrend(weeks, {width}) {
  const rows = SERIES.flatMap(([key, label]) => weeks.filter((d) => d[key] != null).map((d) => ({week: d.week, series: label, minutes: d[key]})));
  return Plot.plot({
    width: chartWidth(width),
    height: 240,
    marginLeft: 50,
    x: {type: "point", label: null, tickRotate: weeks.length > 12 ? -45 : 0},
    y: {grid: true, zero: true, label: "分钟/人·周 minutes per member-week"},
    color: {domain: SERIES.map((s) => s[1]), range: SERIES.map((s) => s[2]), legend: true},
    marks: SERIES.map(([, label, , dash]) =>
      Plot.line(rows.filter((d) => d.series === label), {x: "week", y: "minutes", stroke: "series", strokeDasharray: dash, strokeWidth: 2, tip: true})
    )
  });
}
