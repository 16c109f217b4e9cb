-- The backtest's tables: written by `churnwatch backtest` and by the weekly run
-- (pipelines/backtest/runBacktest.ts), read by the dashboard's Signal quality page.
-- backtest_results, backtest_gains and backtest_weeks hold the latest run only: each run creates
-- them anew (so a new column never meets an old table) and fills them in one transaction, tagged
-- with its run_id. backtest_runs keeps one row per run; its latest row describes what the other
-- three hold. A figure that cannot be computed (a signal that never fired, no churner to find) is
-- NULL, never 0 or NaN. Counts are integers (a province's 4 M members over a year of weeks stay
-- far below 2^31), so every client reads them as plain numbers.

-- one row per backtest run
create table if not exists backtest_runs (
    run_id                varchar not null,
    run_at                timestamp not null,   -- local time (Asia/Shanghai), as the extract's times
    from_week             varchar,              -- first and last scored week evaluated (null: none)
    to_week               varchar,
    horizon_weeks         integer not null,    -- H: churn counts within H weeks after the warning
    weeks_evaluated       integer not null,    -- scored weeks in [from_week, to_week]
    weeks_complete        integer not null,    -- of them, W+H loaded: counted in every figure
    weeks_incomplete      integer not null,    -- W+H not loaded yet: left out, never read as "no churn"
    config_hash           varchar not null,     -- the effective configuration of this run
    scores_config_hashes  varchar not null,     -- config_hash of the evaluated group_scores, ';'-separated sorted
    settings              json not null,        -- the label and slicing settings in force
    duration_ms           bigint not null
);

-- one row per scored week in the run's range: is it counted, and how many churned after it
create or replace table backtest_weeks (
    run_id                  varchar not null,
    week                    varchar not null,
    horizon_end_week        varchar not null,   -- W+H, the week that must be loaded
    horizon_complete        boolean not null,   -- false: left out of every figure
    members                 integer not null,   -- members still with the group at W (not closed, ported out or gone)
    member_churners_any     integer,            -- null while the horizon is incomplete
    member_churners_ported  integer,
    groups                  integer not null,   -- groups with at least one such member
    group_churners_any      integer,
    group_churners_ported   integer,
    config_hash             varchar not null
);

-- one row per (label, follow-up, recorded outcome): warned groups of the complete weeks, by whether
-- their manager reached them (reached | not_reached | no_return) and what was recorded
-- (retained | lost | at_risk | stable | none), and how many churned within the horizon
create or replace table backtest_follow_up (
    run_id         varchar not null,
    label          varchar not null,    -- any_churn | ported_out
    follow_up      varchar not null,
    outcome        varchar not null,
    warned_groups  integer not null,    -- group-weeks
    churned        integer not null,
    churn_rate     double,
    config_hash    varchar not null
);

-- one row per (level, kind, subject, label): does this warning predict that churn?
create or replace table backtest_results (
    run_id                 varchar not null,
    level                  varchar not null,    -- member | group: the unit predicted and labelled
    kind                   varchar not null,    -- signal | model (dual_phone model) | tier | score
    subject                varchar not null,    -- signal code, model, tier, or 'risk_score'
    label                  varchar not null,    -- any_churn | ported_out
    display_order          integer not null,    -- within a level: signals (domain order), models, tiers, score
    horizon_weeks          integer not null,
    weeks_counted          integer not null,    -- complete weeks behind the figures
    population             integer not null,    -- unit-weeks judged (a unit counts once per week)
    base_churners          integer not null,    -- of them, churned within the horizon
    base_rate              double,              -- base_churners / population
    flagged                integer not null,    -- unit-weeks warned (score: the top topPercent % of each week)
    flagged_churned        integer not null,    -- of them, churned within the horizon
    flagged_retained       integer not null,    -- of them, did not churn and were recorded retained by their manager (group level)
    false_alarms           integer not null,    -- flagged − flagged_churned − flagged_retained
    precision              double,              -- flagged_churned / flagged
    recall                 double,              -- flagged_churned / base_churners
    lift                   double,              -- precision / base_rate
    top_decile_lift        double,              -- score only: lift of the top topPercent % (= lift)
    auc                    double,              -- ROC AUC of severity (signal, model), membership (tier) or the score
    gini                   double,              -- 2 · auc − 1
    median_weeks_to_churn  double,              -- from the first warning before a churn to that churn
    churn_events_warned    integer not null,    -- churns behind that median
    config_hash            varchar not null
);

-- one row per label and cut of the risk score: the cumulative gains curve
create or replace table backtest_gains (
    run_id            varchar not null,
    label             varchar not null,         -- any_churn | ported_out (group churn)
    top_percent       integer not null,         -- the cut: each week's top k % of groups by risk score (0..100)
    groups_taken      integer not null,         -- group-weeks in the cut (equal scores in a fixed pseudo-random order)
    population_share  double,                   -- groups_taken / all group-weeks
    churners_taken    integer not null,
    churner_share     double,                   -- churners_taken / all churned group-weeks
    lift              double,                   -- churner_share / population_share
    horizon_weeks     integer not null,
    config_hash       varchar not null
);
