-- Reads:  bt_weeks, pub_group_week (the evaluated weeks' config_hash).
-- Writes: inserts one row into backtest_runs. Grain: one row per run.
-- Why:    what the latest results stand on: the range, the horizon, how many weeks counted and
--         how many wait for their horizon, and which configurations produced the scores judged
--         (a mix means some weeks were scored under other settings than the rest).
insert into backtest_runs by name
with weeks as (
    select * from bt_weeks where is_evaluated
),

score_hashes as (
    select coalesce(string_agg(distinct config_hash, ';' order by config_hash), '') as scores_config_hashes
    from pub_group_week
    where week in (select week from weeks)
),

final as (
    select
        $run_id as run_id,
        cast($run_at as timestamp) as run_at,
        min(weeks.week) as from_week,
        max(weeks.week) as to_week,
        cast($horizon_weeks as integer) as horizon_weeks,
        count(*) as weeks_evaluated,
        count(*) filter (where weeks.horizon_complete) as weeks_complete,
        count(*) filter (where not weeks.horizon_complete) as weeks_incomplete,
        $config_hash as config_hash,
        coalesce(any_value(score_hashes.scores_config_hashes), '') as scores_config_hashes,
        cast($settings as json) as settings,
        cast($duration_ms as bigint) as duration_ms
    from weeks
    cross join score_hashes
)

select * from final
