-- Reads:  pub_group_week, dash_drill_groups.
-- Grain:  one row per drill-down group and scored week.
-- Why:    the group's score, revenue and usage over the weeks. Usage is minutes per member
--         active all week beside the same members' own baselines (the ones the signals judged
--         them by, published), and the mean of that figure over every group of the week (the
--         population: a holiday week moves everyone).
with
groups as (
    select * from pub_group_week
),

population as (
    select week, avg(minutes_per_member) as population_minutes_per_member
    from groups
    group by week
),

drilled as (
    select groups.*
    from groups
    semi join dash_drill_groups on dash_drill_groups.group_id = groups.group_id
),

final as (
    select
        drilled.week, drilled.group_id,
        round(drilled.risk_score, 1)::double as risk_score, drilled.tier, drilled.signals,
        drilled.members_active, drilled.members_flagged,
        regexp_replace(drilled.reasons, '[0-9]{7,}', '…', 'g') as reasons, -- a 7+ digit run could be a number
        drilled.tier_reason,
        drilled.revenue_cny as revenue,
        drilled.members_lost,
        round(drilled.minutes_per_member, 1)::double as minutes_per_member,
        round(drilled.baseline_minutes_per_member, 1)::double as baseline_minutes_per_member,
        round(population.population_minutes_per_member, 1)::double as population_minutes_per_member
    from drilled
    left join population on population.week = drilled.week
)

select * from final
order by group_id, week
