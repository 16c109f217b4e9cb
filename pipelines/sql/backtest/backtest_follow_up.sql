-- Reads:  bt_follow_up, bt_group_labels (complete horizons only), bt_churn_labels.
-- Writes: inserts the run $run_id into backtest_follow_up. Grain: one row per (label, follow-up,
--         recorded outcome) over the warned group-weeks whose horizon is complete.
-- Why:    the evidence that calling works: how many warned groups were reached, and how many of
--         them churned within the horizon, against those nobody reached. A group its manager
--         recorded as retained is reported apart: kept by the call, not a false alarm.
insert into backtest_follow_up by name
with groups as (
    select
        labels.label,
        follow.follow_up,
        coalesce(follow.outcome, 'none') as outcome,
        labels.churned
    from bt_follow_up as follow
    join bt_group_labels as labels
        on labels.week = follow.week and labels.group_id = follow.group_id
    where follow.warned and labels.horizon_complete
),

final as (
    select
        $run_id as run_id,
        label,
        follow_up,
        outcome,
        cast(count(*) as integer) as warned_groups,
        cast(count(*) filter (where churned) as integer) as churned,
        count(*) filter (where churned) / count(*) as churn_rate,
        $config_hash as config_hash
    from groups
    group by label, follow_up, outcome
)

select * from final
order by label, follow_up, outcome
