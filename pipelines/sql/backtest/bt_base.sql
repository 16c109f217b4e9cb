-- Reads:  bt_churn_labels, bt_group_sizes, bt_member_churn, bt_group_labels.
-- Writes: temp table bt_base. Grain: one row per (level, label, evaluated week).
-- Why:    the base every figure is measured against: how many members and groups there were at
--         W, and how many of them churned within the horizon (counted only once W+H is loaded;
--         until then churners is null, never 0).
create or replace temp table bt_base as
with labels as (
    select * from bt_churn_labels
),

member_population as (
    select week, any_value(horizon_complete) as horizon_complete, sum(members) as population
    from bt_group_sizes
    group by week
),

member_churners as (
    select label, week, count(*) as churners
    from bt_member_churn
    group by label, week
),

members as (
    select
        'member' as level,
        labels.label,
        member_population.week,
        member_population.horizon_complete,
        member_population.population,
        coalesce(member_churners.churners, 0) as churners
    from member_population
    cross join labels
    left join member_churners on member_churners.label = labels.label and member_churners.week = member_population.week
),

groups as (
    select
        'group' as level,
        label,
        week,
        any_value(horizon_complete) as horizon_complete,
        count(*) as population,
        count(*) filter (where churned) as churners
    from bt_group_labels
    group by label, week
),

final as (
    select level, label, week, horizon_complete, population, case when horizon_complete then churners end as churners
    from (select * from members union all by name select * from groups)
)

select * from final
