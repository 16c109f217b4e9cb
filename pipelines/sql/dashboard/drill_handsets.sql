-- Reads:  pub_member_week, dash_drill_batch.
-- Grain:  one row per drill-down group (of the batch) and kind of handset used in it in a scored
--         week: brand, model, dual-SIM, CDMA2000, and its key in drill_members' `weeks`.
-- Why:    the handset mix of the week picked: whether members' handsets can hold a second SIM
--         (dual-SIM) or a China Telecom one (CDMA2000). Never an IMEI; an unknown TAC is 未知.
with
seen as (
    select
        group_id,
        coalesce(handset_brand, '') as brand_key, coalesce(handset_model, '') as model_key,
        coalesce(handset_dual_sim, false) as dual_sim, coalesce(handset_cdma2000, false) as cdma2000
    from pub_member_week
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_member_week.group_id
    where last_seen_day is not null
),

final as (
    select distinct
        group_id,
        hash(brand_key, model_key, dual_sim, cdma2000)::varchar as handset_key,
        coalesce(nullif(brand_key, ''), '未知') as brand,
        coalesce(nullif(model_key, ''), '未知') as model,
        dual_sim, cdma2000
    from seen
)

select * from final
order by group_id, brand, model, dual_sim, cdma2000
