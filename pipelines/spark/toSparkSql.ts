import { sql } from "../db/sql.ts";
import { rewriteCalls, skipLiteral, type CallRule } from "./sqlCalls.ts";

/**
 * A model of the DuckDB feature stage, as Spark SQL: the same text wherever the dialects agree,
 * with the few differences translated here (never a second hand-kept copy that could drift).
 *  - `create or replace temp table X as …` is a query whose result the job keeps as view X;
 *    `insert into X by name …` a query whose rows the job writes as table X's files;
 *  - `$name` parameters are Spark's named markers `:name`;
 *  - DuckDB's `isodow(t)` (Monday = 1) is Spark's `weekday(t) + 1` (Monday = 0);
 *  - `regexp_full_match(s, 'p')` is `s rlike '^(?:p)$'` (both regex dialects agree on the classes
 *    and counts the models use);
 *  - the value-shape macros of raw/value_shapes.sql are expanded in place (Spark has no macros);
 *  - `src($path, $delim)`, DuckDB's reader of the delivered files, is the job's view `src`;
 *  - `varchar` is `string`; a backslash in a literal is escaped (Spark reads `\` as an escape).
 * Anything the translation does not know (e.g. `* exclude`) is refused, naming the model.
 */
export interface SparkModel {
  /** The model file under pipelines/sql. */
  model: string;
  /** What the job does with the query's rows: keep them as a view, or write them as a table. */
  kind: "view" | "table" | "query";
  /** The view or table name (null for a plain query). */
  name: string | null;
  /** The query, in Spark SQL. */
  sql: string;
}

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\*\s+exclude\s*\(/i, "select * exclude (…)"],
  [/\*\s+replace\s*\(/i, "select * replace (…)"],
  [/\bgroup\s+by\s+all\b/i, "group by all"],
  [/::/, "the :: cast"],
];

export function toSparkModel(model: string): SparkModel {
  return { model, ...toSparkStatement(sql.text(model), model) };
}

export function toSparkStatement(text: string, model = "(statement)"): Omit<SparkModel, "model"> {
  let body = text.trim().replace(/;\s*$/, "");
  let kind: SparkModel["kind"] = "query";
  let name: string | null = null;
  const view = /^((?:\s*--[^\n]*\n)*)\s*create\s+or\s+replace\s+temp(?:orary)?\s+table\s+([A-Za-z_][A-Za-z0-9_]*)\s+as\s+/i.exec(body);
  const insert = /^((?:\s*--[^\n]*\n)*)\s*insert\s+into\s+([A-Za-z_][A-Za-z0-9_]*)\s+by\s+name\s+/i.exec(body);
  if (view) {
    kind = "view";
    name = view[2];
    body = view[1] + body.slice(view[0].length);
  } else if (insert) {
    kind = "table";
    name = insert[2];
    body = insert[1] + body.slice(insert[0].length);
  }
  for (const [pattern, what] of UNSUPPORTED) {
    if (pattern.test(withoutLiterals(body))) throw new Error(`${model}: ${what} has no Spark SQL translation; write it plainly`);
  }
  return { kind, name, sql: translateText(body) };
}

/** The value-shape macros (raw/value_shapes.sql) as call rules: `is_count_text(x)` → its body, on x. */
function macroRules(): Record<string, CallRule> {
  const rules: Record<string, CallRule> = {};
  const text = sql.text("raw/value_shapes.sql").replace(/--[^\n]*/g, "");
  const macro = /create\s+or\s+replace\s+temp\s+macro\s+([a-z_]+)\s*\(([^)]*)\)\s+as\s+([\s\S]*?);/gi;
  for (const m of text.matchAll(macro)) {
    const params = m[2].split(",").map((p) => p.trim());
    const body = m[3].trim();
    rules[m[1]] = (args) => {
      if (args.length !== params.length) throw new Error(`macro ${m[1]} takes ${params.length} argument(s), given ${args.length}`);
      return `(${replaceWords(body, Object.fromEntries(params.map((p, i) => [p, `(${args[i]})`])))})`;
    };
  }
  return rules;
}

const FUNCTION_RULES: Record<string, CallRule> = {
  isodow: ([t]) => `(weekday(${t}) + 1)`,
  regexp_full_match: ([s, p]) => {
    if (!/^'[^']*'$/.test(p)) throw new Error("regexp_full_match: only a literal pattern translates to Spark SQL");
    return `(${s} rlike '^(?:${p.slice(1, -1)})$')`;
  },
  src: () => "src",
};

function translateText(body: string): string {
  const expanded = rewriteCalls(body, { ...macroRules(), ...FUNCTION_RULES });
  // expanded macro bodies may use the rules themselves (regexp_full_match): a second pass
  const calls = rewriteCalls(expanded, FUNCTION_RULES);
  return mapCode(calls, (code) => code.replace(/\bvarchar\b/gi, "string").replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, ":$1"),
    (literal) => (literal.startsWith("'") ? literal.replace(/\\/g, "\\\\") : literal));
}

/** `text` with identifiers renamed per `names`, outside literals and comments. */
function replaceWords(text: string, names: Record<string, string>): string {
  return mapCode(text, (code) => code.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (w) => names[w] ?? w), (l) => l);
}

function withoutLiterals(text: string): string {
  return mapCode(text, (c) => c, () => "''");
}

/** Applies `code` to the text outside literals and comments, `literal` to each literal or comment. */
function mapCode(text: string, code: (s: string) => string, literal: (s: string) => string): string {
  let out = "";
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const end = skipLiteral(text, i);
    if (end > i) {
      out += code(text.slice(start, i)) + literal(text.slice(i, end));
      i = start = end;
    } else i++;
  }
  return out + code(text.slice(start));
}
