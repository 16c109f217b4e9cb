import type { DuckDBConnection } from "@duckdb/node-api";
import { SIGNAL_CODES } from "../config/scoringConfig.ts";
import type { Config } from "../config/configSchema.ts";
import { sql, type Params } from "../db/sql.ts";
import type { Pseudonymizer } from "../privacy/pseudonymizer.ts";
import { publishIdentities } from "../publish/publishIdentities.ts";
import { publishReasons } from "../publish/publishReasons.ts";
import { ensureWeekFeatures } from "../features/ensureWeekFeatures.ts";

export interface StageContext {
  conn: DuckDBConnection;
  week: string;
  params: Params;
  config: Config;
  pseudonym: Pseudonymizer;
}

/** A step in TypeScript, for what SQL cannot word (pseudonyms, sentences); `models`: the files it runs. */
export interface CodeStep {
  name: string;
  models?: readonly string[];
  run(ctx: StageContext): Promise<void>;
}

export type StageStep = string | CodeStep;

/**
 * A week's stages, in the order they run: the one place that order is written. A step is a model
 * file under pipelines/sql (one statement) or a step in code. Each stage reads only what the
 * stages before it wrote; the scorer times each stage. Which tables a week writes, and which
 * temporary tables it leaves behind, are read off the models themselves (weekTables below).
 */
export const weekStages = [
  {
    stage: "staging",
    steps: [
      "staging/stg_weeks.sql",
      "staging/stg_members.sql",
      "staging/stg_groups.sql",
      "staging/stg_managers.sql",
      "staging/stg_billing.sql",
      "staging/stg_tac.sql",
    ],
  },
  {
    stage: "features",
    steps: [
      // the week's usage features were computed when its bundle was loaded: scoring reads them
      { name: "week features", run: ({ conn, week }) => ensureWeekFeatures(conn, week) },
      "intermediate/member_contact_week.sql",
      "intermediate/member_week_features.sql",
      "intermediate/int_group_sizes.sql",
    ],
  },
  {
    stage: "baselines",
    steps: [
      "intermediate/int_member_baseline_weeks.sql",
      "intermediate/int_member_baselines.sql",
      "intermediate/int_population_trend.sql",
      "intermediate/int_member_bills.sql",
      "intermediate/int_member_handsets.sql",
    ],
  },
  {
    stage: "signals",
    steps: ["marts/signals/signal_rows.sql", ...SIGNAL_CODES.map((code) => `marts/signals/sig_${code}.sql`)],
  },
  {
    stage: "scores",
    steps: ["marts/member_signals.sql", "marts/group_signals.sql", "marts/group_scores.sql"],
  },
  {
    stage: "publish",
    steps: [
      { name: "member identities", run: ({ conn, week, pseudonym }) => publishIdentities(conn, week, pseudonym) },
      {
        name: "reasons",
        models: ["publish/publish_member_reasons.sql", "publish/publish_group_reasons.sql", "publish/publish_group_week_reasons.sql"],
        run: ({ conn, week, config }) => publishReasons(conn, week, config),
      },
      "publish/pub_group_week.sql",
      "publish/pub_group_signal.sql",
      "publish/pub_group_forwarding.sql",
      "publish/pub_member_week.sql",
      "publish/pub_member_signal.sql",
    ],
  },
] as const satisfies ReadonlyArray<{ stage: string; steps: readonly StageStep[] }>;

export type StageName = (typeof weekStages)[number]["stage"];

/** Runs one step; returns its milliseconds. */
export async function runStep(step: StageStep, ctx: StageContext): Promise<number> {
  if (typeof step === "string") return (await sql.run(ctx.conn, step, ctx.params)).ms;
  const started = performance.now();
  await step.run(ctx);
  return performance.now() - started;
}

export const stepName = (step: StageStep): string => (typeof step === "string" ? step : step.name);

const TEMP = /^\s*create\s+or\s+replace\s+temp(?:orary)?\s+(table|view)\s+(\w+)/im;
const INSERT = /^\s*insert\s+into\s+(\w+)/im;

/**
 * What a week's models write, read off their SQL: `kept`, the warehouse tables that hold one row
 * set per week (re-scoring a week deletes its rows from each, then the models insert them again);
 * `temporary`, the connection's scratch tables and views, dropped after each week to free memory.
 * A table a model creates as temporary is scratch even when later models insert into it.
 */
export function weekTables(extraModels: readonly string[] = ["marts/score_runs.sql"]): {
  kept: string[];
  temporary: Array<{ kind: "table" | "view"; name: string }>;
} {
  const models = [
    ...weekStages.flatMap((s) => s.steps as readonly StageStep[]).flatMap((step) =>
      typeof step === "string" ? [step] : step.models ?? []),
    ...extraModels,
  ];
  const temporary: Array<{ kind: "table" | "view"; name: string }> = [];
  const inserted: string[] = [];
  for (const model of models) {
    const code = sql.text(model).replace(/--[^\n]*/g, "");
    const temp = TEMP.exec(code);
    const insert = INSERT.exec(code);
    if (temp) temporary.push({ kind: temp[1].toLowerCase() as "table" | "view", name: temp[2] });
    else if (insert) inserted.push(insert[1]);
  }
  const scratch = new Set(temporary.map((t) => t.name));
  return { kept: [...new Set(inserted.filter((t) => !scratch.has(t)))], temporary };
}
