-- Overview headline figures: one row per scored week.
-- Revenue is the members' latest closed monthly bill (member_week_features.bill_total_cny), summed
-- as the scorer sums a group's value (int_group_sizes); "lost" is every member who closed, ported
-- out or left the group that week.
with
scores as (
    select week,
           count(*)::integer as groups_scored,
           count(*) filter (where tier = 'high')::integer as groups_high,
           count(*) filter (where tier = 'medium')::integer as groups_medium,
           count(*) filter (where tier = 'low')::integer as groups_low,
           coalesce(sum(members_flagged), 0)::integer as members_flagged,
           coalesce(sum(members_active), 0)::integer as members_active
    from group_scores
    group by week
),
members as (
    select f.week,
           coalesce(sum(f.bill_total_cny) filter (where s.tier in ('high', 'medium')), 0)::double as revenue_at_risk,
           coalesce(sum(f.bill_total_cny), 0)::double as revenue_total,
           count(*) filter (where f.departed_this_week)::integer as members_lost,
           count(*) filter (where f.departed_this_week and f.status = 'ported_out')::integer as members_ported
    from member_week_features f
    left join group_scores s on s.week = f.week and s.group_id = f.group_id
    group by f.week
)
select r.week, r.config_hash, strftime(r.scored_at, '%Y-%m-%d %H:%M') as scored_at,
       s.groups_scored, s.groups_high, s.groups_medium, s.groups_low, s.members_flagged, s.members_active,
       coalesce(m.revenue_at_risk, 0) as revenue_at_risk, coalesce(m.revenue_total, 0) as revenue_total,
       coalesce(m.members_lost, 0) as members_lost, coalesce(m.members_ported, 0) as members_ported
from score_runs r
join scores s on s.week = r.week
left join members m on m.week = r.week
order by r.week
