-- Reads:  bt_weeks, bt_base.
-- Writes: inserts the run $run_id into backtest_weeks. Grain: one row per evaluated scored week.
-- Why:    which weeks the figures stand on. A week whose horizon is not complete yet keeps its
--         population but no churner counts: its members may still leave, and "not yet" is not
--         "no churn".
insert into backtest_weeks by name
with weeks as (
    select * from bt_weeks where is_evaluated
),

counts as (
    select
        week,
        max(population) filter (where level = 'member') as members,
        max(churners) filter (where level = 'member' and label = 'any_churn') as member_churners_any,
        max(churners) filter (where level = 'member' and label = 'ported_out') as member_churners_ported,
        max(population) filter (where level = 'group') as groups,
        max(churners) filter (where level = 'group' and label = 'any_churn') as group_churners_any,
        max(churners) filter (where level = 'group' and label = 'ported_out') as group_churners_ported
    from bt_base
    group by week
),

final as (
    select
        $run_id as run_id,
        weeks.week,
        weeks.horizon_end_week,
        weeks.horizon_complete,
        coalesce(counts.members, 0) as members,
        case when weeks.horizon_complete then coalesce(counts.member_churners_any, 0) end as member_churners_any,
        case when weeks.horizon_complete then coalesce(counts.member_churners_ported, 0) end as member_churners_ported,
        coalesce(counts.groups, 0) as groups,
        case when weeks.horizon_complete then coalesce(counts.group_churners_any, 0) end as group_churners_any,
        case when weeks.horizon_complete then coalesce(counts.group_churners_ported, 0) end as group_churners_ported,
        $config_hash as config_hash
    from weeks
    left join counts using (week)
)

select * from final
