-- at_risk_groups.csv: every group scored in week $week, highest risk first.
-- Grain: one row per group in group_scores for the week; group facts from the same week's snapshot.
-- Ties in score are broken by tier (a rule can lift a group's tier), then group_id, so the order is stable.
-- sort_score and tier_rank are for the order only (the exporter writes the contract's columns).
with
scores as (
    select week, group_id, risk_score, tier, signals, members_active, members_flagged, reasons
    from group_scores
    where week = $week
),
groups as (
    select group_id, group_name, branch, manager_id, group_class, industry
    from raw_groups
    where week = $week
),
final as (
    select s.week, s.group_id, g.group_name, g.branch, g.manager_id, g.group_class, g.industry,
           round(s.risk_score, 1)::double as risk_score, s.tier, s.signals,
           s.members_active::integer as members_active, s.members_flagged::integer as members_flagged,
           s.reasons,
           s.risk_score as sort_score,
           case s.tier when 'high' then 1 when 'medium' then 2 else 3 end as tier_rank
    from scores s
    left join groups g on g.group_id = s.group_id
)
select * from final
order by sort_score desc, tier_rank, group_id
