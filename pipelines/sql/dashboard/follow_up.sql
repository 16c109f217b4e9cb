-- Reads:  pub_call_follow_up, pub_group_week.
-- Grain:  one row per list week, manager and branch.
-- Why:    the loop, per manager (the manager page) and per branch (the overview): how many lines
--         were listed, reached, not reached, retained or lost, how many never came back, and how
--         many are overdue — not reached by the time the next week's list was out. Counts only:
--         what the customer said stays in the warehouse.
with
lines as (
    select * from pub_call_follow_up
),

latest as (
    select max(week) as week from lines
),

groups as (
    select week, group_id, branch, manager_name from pub_group_week
),

final as (
    select
        lines.week,
        coalesce(lines.manager_id, '') as manager_id,
        coalesce(any_value(groups.manager_name), '') as manager_name,
        coalesce(groups.branch, '(未填)') as branch,
        count(*)::integer as listed,
        (count(*) filter (where lines.contact_result in ('reached', 'refused')))::integer as reached,
        (count(*) filter (where lines.contact_result = 'not_reached'))::integer as not_reached,
        (count(*) filter (where lines.outcome = 'retained'))::integer as retained,
        (count(*) filter (where lines.outcome = 'lost'))::integer as lost,
        (count(*) filter (where not lines.returned))::integer as no_return,
        (count(*) filter (where lines.week < latest.week
                          and coalesce(lines.contact_result, 'none') not in ('reached', 'refused')))::integer as overdue,
        (count(*) filter (where lines.carried_over))::integer as carried_over
    from lines
    cross join latest
    left join groups on groups.week = lines.week and groups.group_id = lines.group_id
    group by all
)

select * from final
order by week, branch, manager_id
