-- Drill-down facts: each group as in its latest snapshot, its manager's name and its members then.
-- Group phone and address are left out: nobody reading the page needs them.
with
latest as (
    select g.*
    from raw_groups g
    semi join dash_drill_groups d on d.group_id = g.group_id
    qualify row_number() over (partition by g.group_id order by g.week desc) = 1
),
members as (
    select f.group_id,
           count(*)::integer as members_listed,
           (count(*) filter (where f.status = 'active'))::integer as members_active,
           (count(*) filter (where f.is_key_person))::integer as key_persons
    from member_week_features f
    join dash_drill_groups d on d.group_id = f.group_id and d.last_week = f.week
    group by f.group_id
)
select l.group_id, l.week as snapshot_week, l.group_name, l.group_class, l.industry, l.org_type,
       l.employee_count, l.branch, l.manager_id, m.manager_name, l.contract_end::varchar as contract_end,
       coalesce(mem.members_listed, 0) as members_listed, coalesce(mem.members_active, 0) as members_active,
       coalesce(mem.key_persons, 0) as key_persons
from latest l
left join raw_managers m on m.week = l.week and m.manager_id = l.manager_id
left join members mem on mem.group_id = l.group_id
