import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection, DuckDBListValue, DuckDBResultReader } from "@duckdb/node-api";

const SQL_ROOT = fileURLToPath(new URL("../sql/", import.meta.url));
const cache = new Map<string, string>();

/** A value a model's `$name` parameter takes (lists for file paths and code sets). */
export type ParamValue = string | number | bigint | boolean | null | DuckDBListValue;
export type Params = Record<string, ParamValue>;

/** Text of a model under pipelines/sql (e.g. 'staging/stg_cdr.sql'), read once per process. */
function text(model: string): string {
  let found = cache.get(model);
  if (found === undefined) {
    found = readFileSync(SQL_ROOT + model, "utf8");
    cache.set(model, found);
  }
  return found;
}

/**
 * The parameters a statement uses, out of all the caller knows: DuckDB refuses a prepared statement
 * given a parameter it does not use, and callers pass the whole run's parameters to every model.
 * Comments (where models name the settings they explain) don't count.
 */
function used(statement: string, known: Params): Params {
  const code = statement.replace(/--[^\n]*/g, "");
  return Object.fromEntries(Object.entries(known).filter(([name]) => new RegExp(`\\$${name}\\b`).test(code)));
}

async function read(conn: DuckDBConnection, statement: string, params: Params): Promise<DuckDBResultReader> {
  return conn.runAndReadAll(statement, used(statement, params));
}

/**
 * The project's one way to run SQL. Models are files under pipelines/sql with named `$params`;
 * values are never spliced into SQL text. `exec`/`query` take a statement written in code (for
 * bookkeeping such as transactions and the loader's generated scans), with the same rules.
 */
export const sql = {
  text,

  /** Runs a model (one statement) with the parameters it uses; returns milliseconds and rows changed. */
  async run(conn: DuckDBConnection, model: string, params: Params = {}): Promise<{ ms: number; rowsChanged: number }> {
    return sql.exec(conn, text(model), params);
  },

  /** Runs a file of several statements (a schema); such files take no parameters. */
  async script(conn: DuckDBConnection, model: string): Promise<void> {
    await conn.run(text(model));
  },

  /** A model's rows as JSON-safe objects (dates as text, big integers as numbers or text). */
  async rows<T extends object = Record<string, unknown>>(conn: DuckDBConnection, model: string, params: Params = {}): Promise<T[]> {
    return sql.query<T>(conn, text(model), params);
  },

  /** A model's columns as JS arrays (for Arrow). */
  async columns(conn: DuckDBConnection, model: string, params: Params = {}): Promise<Record<string, unknown[]>> {
    return (await read(conn, text(model), params)).getColumnsObjectJS() as Record<string, unknown[]>;
  },

  /** Runs a statement written in code. */
  async exec(conn: DuckDBConnection, statement: string, params: Params = {}): Promise<{ ms: number; rowsChanged: number }> {
    const started = performance.now();
    const result = await conn.run(statement, used(statement, params));
    return { ms: performance.now() - started, rowsChanged: Number(result.rowsChanged) };
  },

  /** Rows of a statement written in code. */
  async query<T extends object = Record<string, unknown>>(conn: DuckDBConnection, statement: string, params: Params = {}): Promise<T[]> {
    return (await read(conn, statement, params)).getRowObjectsJson() as unknown as T[];
  },

  /** Rows of a statement written in code, with DuckDB's JS values (bigint stays bigint). */
  async queryJS<T extends object = Record<string, unknown>>(conn: DuckDBConnection, statement: string, params: Params = {}): Promise<T[]> {
    return (await read(conn, statement, params)).getRowObjectsJS() as unknown as T[];
  },

  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
    await conn.run("begin transaction");
    try {
      const result = await fn();
      await conn.run("commit");
      return result;
    } catch (e) {
      await conn.run("rollback");
      throw e;
    }
  },
};
