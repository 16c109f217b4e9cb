-- at_risk_groups.csv: every group scored in week $week, highest risk first.
-- Grain: one row per group and week (pub_group_week's own).
-- Ties in score are broken by tier (a rule can lift a group's tier), then group_id, so the order is stable.
-- sort_score and tier_rank are for the order only (the exporter writes the contract's columns).
with
groups as (
    select * from pub_group_week where week = $week
),
final as (
    select week, group_id, group_name, branch, manager_id, group_class, industry,
           round(risk_score, 1)::double as risk_score, tier, signals,
           members_active, members_flagged, reasons,
           risk_score as sort_score,
           case tier when 'high' then 1 when 'medium' then 2 else 3 end as tier_rank
    from groups
)
select * from final
order by sort_score desc, tier_rank, group_id
