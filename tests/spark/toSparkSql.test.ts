import { describe, it, expect } from "vitest";
import { toSparkModel, toSparkStatement } from "../../pipelines/spark/toSparkSql.ts";
import { rewriteCalls } from "../../pipelines/spark/sqlCalls.ts";

describe("DuckDB → Spark SQL translation of the feature stage", () => {
  it("keeps a temp table as a view and an insert as a table, with the query's own text", () => {
    expect(toSparkStatement("create or replace temp table t as\nselect 1 as a")).toEqual({ kind: "view", name: "t", sql: "select 1 as a" });
    expect(toSparkStatement("-- why\ninsert into feat_x by name\nselect $week as week")).toEqual({ kind: "table", name: "feat_x", sql: "-- why\nselect :week as week" });
  });

  it("turns DuckDB's functions into Spark's: isodow, regexp_full_match, src()", () => {
    expect(toSparkStatement("select isodow(start_time) from src($path, $delim)").sql)
      .toBe("select (weekday(start_time) + 1) from src");
    expect(toSparkStatement("select regexp_full_match(msisdn, '[0-9]{11}')").sql).toBe("select (msisdn rlike '^(?:[0-9]{11})$')");
  });

  it("expands the value-shape macros in place, their own calls translated too", () => {
    const { sql } = toSparkStatement("select is_timestamp_text(t.start_time) as ok");
    expect(sql).toContain("((t.start_time) rlike '^(?:[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])$')");
    expect(sql).toContain("try_cast((t.start_time) as timestamp) is not null");
    expect(toSparkStatement("select is_count_text(d)").sql).toBe("select (coalesce(cast(try_cast((d) as integer) as string) = (d), false))");
  });

  it("leaves literals and comments alone, but escapes a backslash Spark would read as an escape", () => {
    expect(toSparkStatement("select 'isodow(x) $week' -- isodow($week)\n").sql).toBe("select 'isodow(x) $week' -- isodow($week)");
    expect(toSparkStatement(String.raw`select regexp_full_match(a, '[0-9]+(\.[0-9]{1,2})?')`).sql)
      .toBe(String.raw`select (a rlike '^(?:[0-9]+(\\.[0-9]{1,2})?)$')`);
  });

  it("refuses what it cannot translate, naming the model", () => {
    expect(() => toSparkStatement("select * exclude (a) from t", "m.sql")).toThrow("m.sql: select * exclude (…) has no Spark SQL translation");
    expect(() => toSparkStatement("select a::integer from t", "m.sql")).toThrow("the :: cast");
    expect(() => toSparkStatement("select regexp_full_match(a, b)")).toThrow("only a literal pattern");
  });

  it("splits nested arguments and quoted commas correctly", () => {
    const seen: string[][] = [];
    rewriteCalls("f(g(1, 2), 'a, b', (3))", { f: (args) => (seen.push(args), "x") });
    expect(seen).toEqual([["g(1, 2)", "'a, b'", "(3)"]]);
  });

  it("translates every model the Spark job runs, and none keeps a DuckDB-only word", () => {
    for (const model of ["raw/check_cdr.sql", "features/feat_member_contact.sql", "features/feat_member_handset.sql"]) {
      const code = toSparkModel(model).sql.replace(/--[^\n]*/g, "").replace(/'(?:[^']|'')*'/g, "''");
      expect(code, model).not.toMatch(/\$[a-z]|isodow|regexp_full_match|is_[a-z]+_text|\bvarchar\b|src\(/);
    }
  });
});
