import * as Plot from "@observablehq/plot";
import {chartWidth, integerTicks, TIERS, tierLabel, tierScale} from "./format.js";

/** The longest stacked bar: the most groups of one value. */
function maxStack(data) {
  const sums = new Map();
  for (const d of data) sums.set(d.value, (sums.get(d.value) ?? 0) + d.groups);
  return Math.max(0, ...sums.values());
}

/** At-risk groups of the week by one dimension (branch, industry or class), stacked by tier. */
export function breakdownBars(rows, {week, dimension, label, width, tiers = ["high", "medium"]}) {
  const data = rows.filter((d) => d.week === week && d.dimension === dimension && tiers.includes(d.tier));
  const height = Math.max(120, 24 * new Set(data.map((d) => d.value)).size + 50);
  return Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 90,
    x: {grid: true, label: "中高风险集团数", ticks: integerTicks(maxStack(data)), tickFormat: "d"},
    y: {label},
    color: {...tierScale, domain: TIERS.filter((t) => tiers.includes(t))},
    marks: [
      Plot.barX(data, {y: "value", x: "groups", fill: "tier", order: TIERS, sort: {y: "-x"}, tip: true, title: (d) => `${d.value} · ${tierLabel(d.tier)}：${d.groups} 个集团，预警成员 ${d.members_flagged} 人`}),
      Plot.ruleX([0])
    ]
  });
}
