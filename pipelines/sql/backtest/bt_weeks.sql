-- Reads:  raw_bundles, score_runs.
-- Writes: temp table bt_weeks. Grain: one row per loaded week.
-- Why:    the calendar of the backtest. Every loaded week is kept (labels look at the weeks after
--         W); `is_evaluated` marks the scored weeks in [$from_week, $to_week] whose warnings are
--         judged. A week's horizon is complete when W + $horizon_weeks is loaded: before that a
--         member still listed may yet leave, so the week is left out rather than read as "no churn".
create or replace temp table bt_weeks as
with loaded as (
    select week, cast(strptime(week || '-1', '%G-W%V-%u') as date) as week_start
    from raw_bundles
),

scored as (
    select distinct week from score_runs
),

horizon as (
    select
        loaded.week,
        loaded.week_start,
        cast(loaded.week_start + 7 * cast($horizon_weeks as integer) as date) as horizon_end_start,
        scored.week is not null and loaded.week between $from_week and $to_week as is_evaluated
    from loaded
    left join scored on scored.week = loaded.week
),

final as (
    select
        horizon.week,
        horizon.week_start,
        horizon.is_evaluated,
        strftime(horizon.horizon_end_start, '%G-W%V') as horizon_end_week,
        horizon.horizon_end_start in (select week_start from loaded) as horizon_complete,
        lead(horizon.week_start) over (order by horizon.week_start) as next_loaded_start
    from horizon
)

select * from final
