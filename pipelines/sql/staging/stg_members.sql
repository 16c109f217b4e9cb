-- Reads:  raw_members (the snapshot of week $week), stg_weeks.
-- Writes: temp table stg_members. Grain: one row per member (msisdn in a group) in the week's
--         snapshot, leavers of the week included.
-- Why:    the member's group, role and class at week end, named and typed once: key persons are
--         every role but `member`; mid/high-end is VIP or a plan fee of at least
--         $mid_high_plan_fee_cny (config signals.midHighPlanFeeCny).
create or replace temp table stg_members as
with source as (
    select * from raw_members where week = $week
),

scored_week as (
    select week_start, week_end from stg_weeks where is_scored_week
),

final as (
    select
        source.week,
        source.msisdn,
        source.group_id,
        source.role,
        coalesce(source.role <> 'member', false) as is_key_person,
        source.vip_level,
        coalesce(source.vip_level in ('silver', 'gold', 'diamond'), false)
            or coalesce(source.plan_fee_cny >= $mid_high_plan_fee_cny, false) as is_mid_high_end,
        source.plan_fee_cny,
        source.join_date,
        source.status,
        source.status_date,
        source.contract_end,
        scored_week.week_start,
        scored_week.week_end
    from source
    cross join scored_week
)

select * from final
