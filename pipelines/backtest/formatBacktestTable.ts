/** One backtest_results row as read back (DuckDB JSON: bigints as strings, NULL as null). */
export interface BacktestResultRow {
  level: string;
  kind: string;
  subject: string;
  label: string;
  population: number | string;
  base_churners: number | string;
  base_rate: number | null;
  flagged: number | string;
  flagged_churned: number | string;
  precision: number | null;
  recall: number | null;
  lift: number | null;
  auc: number | null;
  median_weeks_to_churn: number | null;
}

const NA = "n/a";
const percent = (v: number | null) => (v === null ? NA : `${(v * 100).toFixed(1)}%`);
const fixed = (digits: number, suffix = "") => (v: number | null) => (v === null ? NA : `${v.toFixed(digits)}${suffix}`);

const COLUMNS: Array<[string, (r: BacktestResultRow) => string]> = [
  ["level", (r) => r.level],
  ["warning", (r) => (r.kind === "signal" ? r.subject : `${r.kind}:${r.subject}`)],
  ["flagged", (r) => String(r.flagged)],
  ["churned", (r) => String(r.flagged_churned)],
  ["precision", (r) => percent(r.precision)],
  ["recall", (r) => percent(r.recall)],
  ["lift", (r) => fixed(2, "×")(r.lift)],
  ["AUC", (r) => fixed(3)(r.auc)],
  ["weeks to churn", (r) => fixed(1)(r.median_weeks_to_churn)],
];

/**
 * The backtest's figures as a plain-text table per label, for the terminal. A figure with nothing
 * to stand on reads "n/a" (never 0 or NaN); each label's header gives the base rate it is
 * measured against.
 */
export function formatBacktestTable(rows: readonly BacktestResultRow[]): string {
  const out: string[] = [];
  for (const label of [...new Set(rows.map((r) => r.label))]) {
    for (const level of [...new Set(rows.map((r) => r.level))]) {
      const part = rows.filter((r) => r.label === label && r.level === level);
      if (part.length === 0) continue;
      const head = part[0];
      out.push(`${label}, ${level}s: ${head.base_churners} of ${head.population} churned (base rate ${percent(head.base_rate)})`);
      const cells = [COLUMNS.map(([name]) => name), ...part.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
      const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
      for (const row of cells) out.push(`  ${row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`);
      out.push("");
    }
  }
  return out.join("\n");
}
