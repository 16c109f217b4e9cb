-- Reads:  pub_member_week, dash_drill_groups.
-- Grain:  one row per drill-down group and handset kind (brand, model, dual-SIM, CDMA2000) seen
--         in it in any scored week, numbered as drill_members numbers them (its `handset` lists).
-- Why:    the handset mix of the week picked: models by members, and whether they can hold a
--         second SIM (dual-SIM) or a China Telecom one (CDMA2000). Never an IMEI. An unknown TAC
--         shows as 未知.
with
seen as (
    select pub_member_week.*
    from pub_member_week
    semi join dash_drill_groups on dash_drill_groups.group_id = pub_member_week.group_id
    where pub_member_week.last_seen_day is not null
),

kinds as (
    select distinct
        group_id,
        coalesce(handset_brand, '') as brand_key,
        coalesce(handset_model, '') as model_key,
        coalesce(handset_dual_sim, false) as dual_sim,
        coalesce(handset_cdma2000, false) as cdma2000
    from seen
),

final as (
    select
        group_id,
        (dense_rank() over (partition by group_id order by brand_key, model_key, dual_sim, cdma2000) - 1)::integer as handset,
        coalesce(nullif(brand_key, ''), '未知') as brand,
        coalesce(nullif(model_key, ''), '未知') as model,
        dual_sim, cdma2000
    from kinds
)

select * from final
order by group_id, handset
