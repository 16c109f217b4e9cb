-- At-risk table and manager page: every medium/high group of every scored week, with its facts
-- from the same week's snapshot and its tier the loaded week before (new / worse / better).
with
scores as (
    select week, group_id, risk_score, tier, signals, members_active, members_flagged, reasons,
           lag(tier) over (partition by group_id order by week) as previous_tier
    from group_scores
),
revenue as (
    select week, group_id, sum(bill_total_cny)::double as revenue
    from member_week_features
    group by week, group_id
)
select s.week, s.group_id, g.group_name, g.branch, g.manager_id, m.manager_name,
       g.group_class, g.industry, round(s.risk_score, 1)::double as risk_score, s.tier,
       coalesce(s.previous_tier, '') as previous_tier, s.signals,
       s.members_active::integer as members_active, s.members_flagged::integer as members_flagged,
       coalesce(r.revenue, 0) as revenue,
       -- defence in depth: a run of 7+ digits in a sentence could be a number (privacy.md)
       regexp_replace(s.reasons, '[0-9]{7,}', '…', 'g') as reasons
from scores s
left join raw_groups g on g.week = s.week and g.group_id = s.group_id
left join raw_managers m on m.week = s.week and m.manager_id = g.manager_id
left join revenue r on r.week = s.week and r.group_id = s.group_id
where s.tier in ('high', 'medium')
order by s.week, s.risk_score desc, s.group_id
