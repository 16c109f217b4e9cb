-- Reads:  raw_groups (the snapshot of week $week), stg_weeks.
-- Writes: temp table stg_groups. Grain: one row per group customer in the week's snapshot.
-- Why:    the groups scored this week, with their class and agreement end, typed once.
create or replace temp table stg_groups as
with source as (
    select * from raw_groups where week = $week
),

scored_week as (
    select week_end from stg_weeks where is_scored_week
),

final as (
    select
        source.week,
        source.group_id,
        source.group_name,
        source.group_class,
        coalesce(source.group_class in ('A', 'B'), false) as is_large,
        source.industry,
        source.org_type,
        source.branch,
        source.manager_id,
        source.employee_count,
        source.contract_end,
        scored_week.week_end
    from source
    cross join scored_week
)

select * from final
