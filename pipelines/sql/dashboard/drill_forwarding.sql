-- Drill-down forwarding: calls forwarded per week and target network, with how many members
-- forward and to how many distinct targets. Counts only: a third party's number never leaves SQL.
select c.week, f.group_id, coalesce(c.other_network, 'UNKNOWN') as network,
       sum(c.fwd_calls)::integer as calls,
       count(distinct c.msisdn)::integer as members,
       count(distinct c.other_party)::integer as targets
from member_contact_week c
join member_week_features f on f.week = c.week and f.msisdn = c.msisdn
semi join dash_drill_groups d on d.group_id = f.group_id
where c.fwd_calls > 0
group by all
order by f.group_id, c.week, network
