-- Overview heat map and signal counts: per week, branch and signal, the groups it fired in (and
-- how many of them are medium/high) and the members it touched.
select gs.week, coalesce(g.branch, '(未填)') as branch, gs.signal,
       count(*)::integer as groups,
       (count(*) filter (where s.tier in ('high', 'medium')))::integer as groups_at_risk,
       sum(gs.members_affected)::integer as members
from group_signals gs
left join raw_groups g on g.week = gs.week and g.group_id = gs.group_id
left join group_scores s on s.week = gs.week and s.group_id = gs.group_id
group by all
order by gs.week, branch, gs.signal
