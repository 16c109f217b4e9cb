import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Pages and exports read the published layer and nothing else from scoring (issue 10, "Publish,
 * then read"): what a week says is decided once, by the publish stage, so a CSV, a call list and
 * the dashboard cannot disagree. Checked on the model files themselves.
 */
const SQL_ROOT = fileURLToPath(new URL("../../pipelines/sql/", import.meta.url));
const FOLDERS = ["exports", "dashboard"];

/** Bookkeeping tables the data-quality page, run reports and meta may read: about loads and runs, not results (and every backtest_* table). */
const BOOKKEEPING = new Set([
  "raw_bundles", "raw_rejects", "load_runs", "score_runs",
  "backtest_runs", "backtest_results", "backtest_gains", "backtest_weeks",
]);
const RAW_STAGING_INTERMEDIATE_OK = new Set(["raw_bundles", "raw_rejects"]);
const SCORING_TABLES = ["group_scores", "group_signals", "member_signals", "member_week_features", "member_contact_week"];


interface Model {
  name: string;
  /** The SQL with comments and string literals blanked out: names in them are not reads. */
  code: string;
}

function models(): Model[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(SQL_ROOT + folder)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => ({
        name: `${folder}/${f}`,
        code: readFileSync(`${SQL_ROOT}${folder}/${f}`, "utf8").replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, " "),
      })),
  );
}

// Where a FROM list or a JOIN's table ends: the next clause or join.
const CLAUSE = /^\s+(?:where|group|order|having|qualify|limit|window|union|except|intersect|on|using|select|join|semi|anti|left|right|inner|full|cross|natural|positional|asof|lateral|pivot|unpivot)\b/i;
// A FROM inside an expression, not a FROM clause: `is distinct from`, `extract(… from …)`, `trim(… from …)`.
const EXPRESSION_FROM = /\b(?:distinct|extract\s*\([^()]*|substring\s*\([^()]*|trim\s*\([^()]*)\s*$/i;

/**
 * The names a model reads as tables: each item of a FROM list (`from a x, b y`) and each JOIN's
 * table. Table functions (`json_each(…)`) and subqueries are not names; their insides are
 * scanned on their own, as every FROM and JOIN is.
 */
function tablesRead(code: string): string[] {
  const reads: string[] = [];
  for (const m of code.matchAll(/\b(from|join)\b/gi)) {
    const isFrom = m[1].toLowerCase() === "from";
    if (isFrom && EXPRESSION_FROM.test(code.slice(0, m.index))) continue;
    const items = [""];
    for (let i = m.index + m[0].length, depth = 0; i < code.length; i++) {
      const c = code[i];
      if (depth === 0 && (c === ")" || c === ";" || CLAUSE.test(code.slice(i, i + 20)))) break;
      if (c === "(") depth++;
      else if (c === ")") depth--;
      if (c === "," && depth === 0) {
        if (!isFrom) break;
        items.push("");
      } else items[items.length - 1] += c;
    }
    for (const item of items) {
      const name = /^\s*([A-Za-z_][\w.]*)\s*(\()?/.exec(item);
      if (name && !name[2]) reads.push(name[1].toLowerCase());
    }
  }
  return reads;
}

/** The names a model defines itself: its CTEs (with or without a column list). */
function ctes(code: string): Set<string> {
  return new Set([...code.matchAll(/(?:\bwith|,)\s*(\w+)\s*(?:\([^()]*\))?\s+as\s*(?:not\s+)?(?:materialized\s*)?\(/gi)].map((m) => m[1].toLowerCase()));
}

const all = models();
// Temp tables the dashboard's own statements create for the models after them (drill_groups.sql).
const temporary = new Set(
  all.flatMap((m) => [...m.code.matchAll(/create\s+(?:or\s+replace\s+)?temp(?:orary)?\s+(?:table|view)\s+(\w+)/gi)].map((t) => t[1].toLowerCase())),
);

describe("exports and dashboard read only the published layer (and bookkeeping)", () => {
  it("finds the models of both folders", () => {
    for (const folder of FOLDERS) expect(all.filter((m) => m.name.startsWith(`${folder}/`)).length, folder).toBeGreaterThan(0);
  });

  it("names no raw_, stg_ or int_ table but the bookkeeping raw_bundles and raw_rejects (grep -E 'raw_|stg_|int_')", () => {
    const found = all.flatMap((m) => [...m.code.matchAll(/\w*(?:raw_|stg_|int_)\w*/g)].map((w) => `${m.name}: ${w[0]}`));
    expect(found.filter((f) => !RAW_STAGING_INTERMEDIATE_OK.has(f.slice(f.indexOf(": ") + 2)))).toEqual([]);
  });

  it("reads none of the scoring tables (group_scores, group_signals, member_signals, member_week_features, member_contact_week)", () => {
    const found = all.flatMap((m) =>
      tablesRead(m.code).filter((t) => SCORING_TABLES.includes(t)).map((t) => `${m.name}: ${t}`),
    );
    expect(found).toEqual([]);
  });

  it("every table a model reads is a pub_ table, bookkeeping, its own CTE or the dashboard's temp table", () => {
    const unexpected = all.flatMap((m) => {
      const own = ctes(m.code);
      return tablesRead(m.code)
        .filter((t) => !(t.startsWith("pub_") || BOOKKEEPING.has(t) || t.startsWith("backtest_") || own.has(t) || temporary.has(t)))
        .map((t) => `${m.name}: ${t}`);
    });
    expect(unexpected).toEqual([]);
  });

  it("no dashboard model reads a full number: members only by msisdn_masked and member_key", () => {
    const found = all
      .filter((m) => m.name.startsWith("dashboard/"))
      .flatMap((m) => [...m.code.matchAll(/\w*msisdn\w*/g)].filter((w) => w[0] !== "msisdn_masked").map((w) => `${m.name}: ${w[0]}`));
    expect(found).toEqual([]);
  });
});
