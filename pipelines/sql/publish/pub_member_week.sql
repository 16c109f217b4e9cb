-- Reads:  int_member_baselines (the week's member features beside their baselines), stg_tac,
--         member_identities.
-- Writes: inserts the week $week into pub_member_week. Grain: one row per member (number in a
--         group) and week, every member of the snapshot.
-- Why:    each member as the pages and lists show them, decided once: role, VIP, key person and
--         mid/high-end (stg_members' definitions), status, this week's usage beside the baseline
--         the signals judged it by, and the handset. Masked number and pseudonym come from
--         member_identities, so no page needs the full number or the pseudonym key.
insert into pub_member_week by name
with members as (
    select * from int_member_baselines
),

identities as (
    select msisdn, member_key, msisdn_masked from member_identities where key_id = $key_id
),

final as (
    select
        $week as week,
        members.group_id,
        members.msisdn,
        identities.msisdn_masked,
        identities.member_key,
        members.role,
        members.vip_level,
        members.is_key_person,
        members.is_mid_high_end,
        cast(members.plan_fee_cny as double) as plan_fee_cny,
        members.join_date,
        members.status,
        members.status_date,
        members.contract_end,
        coalesce(members.status = 'active', false) as is_active,
        coalesce(members.active_all_week, false) as active_all_week,
        members.departed_this_week,
        members.active_days,
        members.imei_latest_last_day as last_seen_day,
        members.calls_out,
        members.calls_in,
        members.minutes_total,
        cast(members.bill_total_cny as double) as bill_total_cny,
        members.baseline_weeks,
        members.baseline_minutes,
        members.baseline_calls_out,
        stg_tac.brand as handset_brand,
        stg_tac.model as handset_model,
        members.handset_dual_sim,
        members.handset_cdma2000
    from members
    join identities on identities.msisdn = members.msisdn
    left join stg_tac on stg_tac.tac = members.tac_latest
)

select * from final
