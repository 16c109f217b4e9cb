-- Drill-down score and usage per week. Usage is minutes per member active all week, beside the
-- group's own baseline (median of the $baseline_weeks weeks before, as the signals' baseline) and
-- the same figure over every group (the population: a holiday week moves everyone).
with
usage as (
    select week, group_id,
           avg(minutes_total) filter (where status = 'active' and not partial_week) as minutes_per_member,
           sum(bill_total_cny)::double as revenue,
           (count(*) filter (where departed_this_week))::integer as members_lost
    from member_week_features
    group by week, group_id
),
population as (
    select week, avg(minutes_per_member) as population_minutes_per_member
    from usage
    group by week
)
select s.week, s.group_id, round(s.risk_score, 1)::double as risk_score, s.tier, s.signals,
       s.members_active::integer as members_active, s.members_flagged::integer as members_flagged,
       regexp_replace(s.reasons, '[0-9]{7,}', '…', 'g') as reasons, -- a 7+ digit run could be a number
       coalesce(u.revenue, 0) as revenue, coalesce(u.members_lost, 0) as members_lost,
       round(u.minutes_per_member, 1)::double as minutes_per_member,
       round(median(u.minutes_per_member) over (
           partition by s.group_id order by s.week rows between $baseline_weeks preceding and 1 preceding), 1)::double
           as baseline_minutes_per_member,
       round(p.population_minutes_per_member, 1)::double as population_minutes_per_member
from group_scores s
semi join dash_drill_groups d on d.group_id = s.group_id
left join usage u on u.week = s.week and u.group_id = s.group_id
left join population p on p.week = s.week
order by s.group_id, s.week
