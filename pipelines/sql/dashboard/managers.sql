-- Manager picker and summary: per week and manager, their groups by tier.
select s.week, coalesce(g.manager_id, '') as manager_id, coalesce(any_value(m.manager_name), '') as manager_name,
       coalesce(any_value(g.branch), '') as branch,
       count(*)::integer as groups,
       (count(*) filter (where s.tier = 'high'))::integer as groups_high,
       (count(*) filter (where s.tier = 'medium'))::integer as groups_medium,
       (count(*) filter (where s.tier = 'low'))::integer as groups_low,
       sum(s.members_flagged)::integer as members_flagged
from group_scores s
left join raw_groups g on g.week = s.week and g.group_id = s.group_id
left join raw_managers m on m.week = s.week and m.manager_id = g.manager_id
group by s.week, g.manager_id
order by s.week, manager_id
