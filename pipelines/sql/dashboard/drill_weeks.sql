-- Reads:  pub_group_week, dash_drill_batch.
-- Grain:  one row per drill-down group and scored week it was published in.
-- Why:    everything the drill-down shows for the week picked: the facts as of that week (size,
--         manager, agreement end), score, tier and why, revenue, members lost and ported that
--         week, and usage: minutes per member active all week beside the same members' own
--         baselines (the ones the signals judged them by, published).
with
drilled as (
    select pub_group_week.*
    from pub_group_week
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_group_week.group_id
),

final as (
    select
        group_id, week,
        group_class, employee_count, manager_id, manager_name,
        contract_end::varchar as contract_end,
        members_listed, members_active, key_persons_listed, key_persons_active,
        members_lost, members_ported,
        round(revenue_cny, 2)::double as revenue,
        round(minutes_per_member, 1)::double as minutes_per_member,
        round(baseline_minutes_per_member, 1)::double as baseline_minutes_per_member,
        round(risk_score, 1)::double as risk_score, tier, signals, members_flagged, key_persons_flagged,
        regexp_replace(reasons, '[0-9]{7,}', '…', 'g') as reasons, -- a 7+ digit run could be a number
        tier_reason
    from drilled
)

select * from final
order by group_id, week
