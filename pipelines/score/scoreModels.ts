import { SIGNAL_CODES } from "../config/scoringConfig.ts";

/**
 * The models that score one week, layer by layer, in the order they run (files under
 * pipelines/sql). Each layer reads only what the layers before it wrote; timings are reported
 * per layer.
 */
export const scoreModels = {
  staging: [
    "staging/stg_weeks.sql",
    "staging/stg_members.sql",
    "staging/stg_groups.sql",
    "staging/stg_billing.sql",
    "staging/stg_tac.sql",
    "staging/stg_cdr.sql",
  ],
  features: [
    "intermediate/int_cdr_week_rollup.sql",
    "intermediate/member_contact_week.sql",
    "intermediate/member_week_features.sql",
    "intermediate/int_group_sizes.sql",
  ],
  baselines: [
    "intermediate/int_member_baseline_weeks.sql",
    "intermediate/int_member_baselines.sql",
    "intermediate/int_population_trend.sql",
    "intermediate/int_member_bills.sql",
    "intermediate/int_member_handsets.sql",
  ],
  signals: ["marts/signals/signal_rows.sql", ...SIGNAL_CODES.map((code) => `marts/signals/sig_${code}.sql`)],
  scores: ["marts/member_signals.sql", "marts/group_signals.sql", "marts/group_scores.sql"],
} as const;

export type ScoreLayer = keyof typeof scoreModels;

/** Tables holding one week's results: re-scoring a week replaces its rows in each. */
export const SCORED_TABLES = [
  "member_week_features",
  "member_contact_week",
  "member_signals",
  "group_signals",
  "group_scores",
  "score_runs",
] as const;
