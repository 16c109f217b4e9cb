-- Overview breakdowns: groups, flagged members and revenue per week, tier and one of branch,
-- industry or class. A few thousand rows at city scale, so the page filters them itself.
with
revenue as (
    select week, group_id, sum(bill_total_cny)::double as revenue
    from member_week_features
    group by week, group_id
),
scored as (
    select s.week, s.tier, s.members_flagged, coalesce(r.revenue, 0) as revenue,
           coalesce(g.branch, '(未填)') as branch,
           coalesce(g.industry, '(未填)') as industry,
           coalesce(g.group_class, '(未填)') as class
    from group_scores s
    left join raw_groups g on g.week = s.week and g.group_id = s.group_id
    left join revenue r on r.week = s.week and r.group_id = s.group_id
),
long as (
    unpivot scored on branch, industry, class into name dimension value value
)
select week, dimension, value, tier,
       count(*)::integer as groups,
       sum(members_flagged)::integer as members_flagged,
       sum(revenue)::double as revenue
from long
group by all
order by week, dimension, value, tier
