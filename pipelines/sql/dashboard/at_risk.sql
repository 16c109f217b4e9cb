-- Reads:  pub_group_week.
-- Grain:  one row per week and medium/high group.
-- Why:    the at-risk table and the manager page: each group's facts, score and revenue as
--         published that week, and its tier the week published before ('' when it is new).
with
at_risk as (
    select * from pub_group_week where tier in ('high', 'medium')
),

final as (
    select
        week, group_id, group_name, branch, manager_id, manager_name, group_class, industry,
        round(risk_score, 1)::double as risk_score, tier,
        coalesce(previous_tier, '') as previous_tier, signals,
        members_active, members_flagged,
        revenue_cny as revenue,
        -- defence in depth: a run of 7+ digits in a sentence could be a number (privacy.md)
        regexp_replace(reasons, '[0-9]{7,}', '…', 'g') as reasons,
        tier_reason,
        risk_score as sort_score
    from at_risk
)

select * exclude (sort_score) from final
order by week, sort_score desc, group_id
