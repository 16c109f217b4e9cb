-- Reads:  pub_group_week.
-- Writes: temp table dash_drill_groups (the connection's own: the warehouse is open read-only).
--         Grain: one row per group that gets a drill-down page.
-- Why:    a drill-down for every group medium/high in any scored week (a few hundred at city
--         scale), with the last week it was published; every drill_* model below reads it.
create or replace temp table dash_drill_groups as
with
groups as (
    select group_id, week, tier from pub_group_week
),

final as (
    select group_id, max(week) as last_week
    from groups
    group by group_id
    having bool_or(tier in ('high', 'medium'))
)

select * from final
