-- Reads:  pub_group_week (when each week was scored, and with which configuration, is in meta.json).
-- Grain:  one row per scored week.
-- Why:    the overview's headline figures. Every figure is a sum of what pub_group_week publishes
--         per group (its revenue, members active and lost, as the publish stage defines them), so
--         the overview adds up to the groups listed in the exports.
with
groups as (
    select * from pub_group_week
),

per_week as (
    select
        week,
        count(*)::integer as groups_scored,
        (count(*) filter (where tier = 'high'))::integer as groups_high,
        (count(*) filter (where tier = 'medium'))::integer as groups_medium,
        (count(*) filter (where tier = 'low'))::integer as groups_low,
        coalesce(sum(members_flagged), 0)::integer as members_flagged,
        coalesce(sum(members_active), 0)::integer as members_active,
        coalesce(sum(revenue_cny) filter (where tier in ('high', 'medium')), 0)::double as revenue_at_risk,
        coalesce(sum(revenue_cny), 0)::double as revenue_total,
        coalesce(sum(members_lost), 0)::integer as members_lost,
        coalesce(sum(members_ported), 0)::integer as members_ported
    from groups
    group by week
),

final as (
    select
        per_week.week, per_week.groups_scored, per_week.groups_high, per_week.groups_medium, per_week.groups_low,
        per_week.members_flagged, per_week.members_active,
        per_week.revenue_at_risk, per_week.revenue_total,
        per_week.members_lost, per_week.members_ported
    from per_week
)

select * from final
order by week
