import * as Plot from "@observablehq/plot";
import {chartWidth, integerTicks} from "./format.js";

const KINDS = ["双模（可插电信卡）", "双卡", "单卡"];
const TOP_BRANDS = 12;

/**
 * Handsets in use in the week picked, by brand, split by whether they can hold a second SIM (the
 * dual-phone model 2 looks for one that can hold a China Telecom SIM). Counts are whole members.
 */
export function handsetMix(rows, {width}) {
  const byBrand = new Map();
  for (const d of rows) {
    const kind = d.cdma2000 ? KINDS[0] : d.dual_sim ? KINDS[1] : KINDS[2];
    const key = `${d.brand}\u0000${kind}`;
    const entry = byBrand.get(key) ?? {brand: d.brand, kind, members: 0};
    entry.members += d.members;
    byBrand.set(key, entry);
  }
  const totals = new Map();
  for (const d of byBrand.values()) totals.set(d.brand, (totals.get(d.brand) ?? 0) + d.members);
  const top = new Set([...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP_BRANDS).map(([brand]) => brand));
  const data = [...byBrand.values()].map((d) => (top.has(d.brand) ? d : {...d, brand: "其他"}));
  const widest = Math.max(0, ...[...totals.values()]);
  return Plot.plot({
    width: chartWidth(width),
    height: 26 * Math.min(totals.size, TOP_BRANDS + 1) + 70,
    marginLeft: 90,
    x: {grid: true, label: "成员（人）", ticks: integerTicks(widest), tickFormat: "d"},
    y: {label: null},
    color: {domain: KINDS, range: ["#c0392b", "#e67e22", "#95a5a6"], legend: true},
    marks: [Plot.barX(data, Plot.groupY({x: "sum", title: (rows) => `${rows[0].brand} · ${rows[0].kind}：${rows.reduce((n, d) => n + d.members, 0)} 人`}, {y: "brand", x: "members", fill: "kind", order: KINDS, sort: {y: "-x"}, tip: true})), Plot.ruleX([0])]
  });
}
