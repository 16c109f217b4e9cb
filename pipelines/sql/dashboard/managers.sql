-- Reads:  pub_group_week.
-- Grain:  one row per week and manager ('' for groups with no manager in the extract).
-- Why:    the manager picker and summary: each manager's groups by tier, as published that week.
with
groups as (
    select * from pub_group_week
),

final as (
    select
        week,
        coalesce(manager_id, '') as manager_id,
        coalesce(any_value(manager_name), '') as manager_name,
        coalesce(any_value(branch), '') as branch,
        count(*)::integer as groups,
        (count(*) filter (where tier = 'high'))::integer as groups_high,
        (count(*) filter (where tier = 'medium'))::integer as groups_medium,
        (count(*) filter (where tier = 'low'))::integer as groups_low,
        sum(members_flagged)::integer as members_flagged
    from groups
    group by week, manager_id
)

select * from final
order by week, manager_id
