-- Reads:  pub_member_week, dash_drill_groups.
-- Grain:  one row per drill-down group, brand, model, dual-SIM and CDMA2000, in its last week.
-- Why:    the handset mix: models by members, and whether they can hold a second SIM (dual-SIM)
--         or a China Telecom one (CDMA2000). Never an IMEI. A member whose handset was seen that
--         week has a last_seen_day; an unknown TAC shows as 未知.
with
members as (
    select pub_member_week.*
    from pub_member_week
    join dash_drill_groups
        on dash_drill_groups.group_id = pub_member_week.group_id
        and dash_drill_groups.last_week = pub_member_week.week
    where pub_member_week.last_seen_day is not null
),

final as (
    select
        group_id,
        coalesce(handset_brand, '未知') as brand,
        coalesce(handset_model, '未知') as model,
        coalesce(handset_dual_sim, false) as dual_sim,
        coalesce(handset_cdma2000, false) as cdma2000,
        count(*)::integer as members
    from members
    group by all
)

select * from final
order by group_id, members desc, brand, model
