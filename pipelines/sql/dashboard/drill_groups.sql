-- Reads:  pub_group_week.
-- Writes: temp table dash_drill_groups (the connection's own: the warehouse is open read-only).
--         Grain: one row per group that gets a drill-down: every group published in any scored
--         week, low ones included (5,000 at city scale), with the last week it was published.
-- Why:    a manager must be able to open any of their groups, not only the ones at risk. The
--         loaders read the drill_* models one batch of groups at a time (drill_batch.sql), so a
--         city's 5 M member-weeks never sit in memory at once.
create or replace temp table dash_drill_groups as
with
groups as (
    select group_id, week from pub_group_week
),

final as (
    select group_id, max(week) as last_week
    from groups
    group by group_id
)

select * from final
