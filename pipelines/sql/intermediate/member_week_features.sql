-- Reads:  stg_members, stg_weeks, stg_billing, stg_tac, the week's stored features
--         (feat_member_contact, feat_member_handset), and last week's
--         member_week_features (only to see whether a leaver's status is new).
-- Writes: inserts the week $week into member_week_features. Grain: one row per member (msisdn in
--         a group) and week, every member of the snapshot, with or without usage.
-- Why:    everything the signals judge about a member in one week, computed once: later weeks
--         read it as history instead of scanning old records again, and the dashboard reads
--         usage trends from it.
insert into member_week_features by name
with members as (
    select * from stg_members
),

-- read twice (usage, forwarding) rather than held: the week's contacts are a city's 12 M rows
contacts as not materialized (
    select * from feat_member_contact where week = $week
),

usage as (
    select
        msisdn,
        sum(calls_out) as calls_out,
        sum(calls_in) as calls_in,
        sum(seconds_out) / 60.0 as minutes_out,
        sum(seconds_in) / 60.0 as minutes_in,
        sum(sms_out) as sms_out,
        sum(sms_in) as sms_in,
        bit_count(bit_or(day_mask)) as active_days,
        bit_count(bit_or(out_day_mask)) as outgoing_days,
        -- rows are distinct (party, network) pairs: a number ported mid-week counts twice, rarely
        count(*) filter (where other_party is not null and calls_out + calls_in + sms_out + sms_in > 0) as distinct_contacts,
        sum(calls_out + calls_in) filter (where other_network = 'CMCC') as calls_cmcc,
        sum(calls_out + calls_in) filter (where other_network = 'CU') as calls_cu,
        sum(calls_out + calls_in) filter (where other_network = 'CT') as calls_ct,
        sum(calls_out + calls_in) filter (where other_network = 'FIXED') as calls_fixed,
        sum(calls_out + calls_in) filter (where other_network = 'INTL') as calls_intl,
        sum(calls_out + calls_in) filter (where other_network = 'UNKNOWN' or other_network is null) as calls_unknown,
        sum(seconds_out + seconds_in) filter (where other_network = 'CMCC') / 60.0 as minutes_cmcc,
        sum(seconds_out + seconds_in) filter (where other_network = 'CU') / 60.0 as minutes_cu,
        sum(seconds_out + seconds_in) filter (where other_network = 'CT') / 60.0 as minutes_ct
    from contacts
    group by msisdn
),

-- forwarded calls, told apart by where they went: a colleague in the same group is an ordinary
-- absence cover; a number outside the group, above all on CU/CT, is what churn looks like
forward_targets as (
    select
        members.group_id,
        members.msisdn,
        contacts.other_party,
        contacts.other_network,
        contacts.fwd_calls,
        contacts.fwd_day_mask,
        colleagues.msisdn is not null as is_colleague,
        coalesce(contacts.other_network in ('CU', 'CT'), false) as is_competitor
    from members
    join contacts on contacts.msisdn = members.msisdn and contacts.fwd_calls > 0
    left join members as colleagues
        on colleagues.group_id = members.group_id and colleagues.msisdn = contacts.other_party
),

forwarding as (
    select
        group_id,
        msisdn,
        sum(fwd_calls) as fwd_calls,
        bit_count(bit_or(fwd_day_mask)) as fwd_days,
        count(distinct other_party) as fwd_targets,
        coalesce(sum(fwd_calls) filter (where is_colleague), 0) as fwd_calls_same_group,
        count(distinct other_party) filter (where is_colleague) as fwd_targets_same_group,
        coalesce(sum(fwd_calls) filter (where not is_colleague), 0) as fwd_calls_off_group,
        coalesce(bit_count(bit_or(fwd_day_mask) filter (where not is_colleague)), 0) as fwd_days_off_group,
        count(distinct other_party) filter (where not is_colleague) as fwd_targets_off_group,
        coalesce(sum(fwd_calls) filter (where is_competitor), 0) as fwd_calls_competitor,
        coalesce(bit_count(bit_or(fwd_day_mask) filter (where is_competitor)), 0) as fwd_days_competitor,
        count(distinct other_party) filter (where is_competitor) as fwd_targets_competitor,
        coalesce(array_to_string(list_sort(list_distinct(list(other_network) filter (where not is_colleague))), ';'), '') as fwd_networks_off_group
    from forward_targets
    group by group_id, msisdn
),

-- first and last day of use come from the day mask: lowest and highest bit (0 = Monday)
handsets as (
    select
        rollup.msisdn,
        rollup.imei,
        bit_count(rollup.day_mask) as days,
        cast(stg_weeks.week_start + bit_count((rollup.day_mask & -rollup.day_mask) - 1) as date) as first_day,
        cast(stg_weeks.week_start + cast(floor(log2(rollup.day_mask)) as integer) as date) as last_day
    from feat_member_handset as rollup
    join stg_weeks on stg_weeks.is_scored_week
    where rollup.week = $week and rollup.imei is not null
),

handsets_typed as (
    select
        handsets.*,
        stg_tac.is_dual_sim,
        stg_tac.is_cdma2000,
        row_number() over (
            partition by handsets.msisdn order by handsets.last_day desc, handsets.days desc, handsets.imei
        ) as recency
    from handsets
    left join stg_tac on stg_tac.tac = left(handsets.imei, 8)
),

handset_summary as (
    select
        msisdn,
        count(*) as handsets_seen,
        coalesce(bool_or(is_dual_sim), false) as any_dual_sim,
        coalesce(bool_or(is_cdma2000), false) as any_cdma2000
    from handsets_typed
    group by msisdn
),

latest_handset as (
    select * from handsets_typed where recency = 1
),

latest_bill as (
    select msisdn, bill_month, total_fee_cny
    from stg_billing
    qualify row_number() over (partition by msisdn order by bill_month desc) = 1
),

previous_week as (
    select features.group_id, features.msisdn, features.status
    from member_week_features as features
    join stg_weeks on stg_weeks.is_scored_week and features.week = stg_weeks.previous_week
),

final as (
    select
        $week as week,
        members.group_id,
        members.msisdn,
        members.role,
        members.is_key_person,
        members.vip_level,
        members.is_mid_high_end,
        members.plan_fee_cny,
        members.join_date,
        members.status,
        members.status_date,
        members.contract_end,
        coalesce(members.join_date >= members.week_start, false) as joined_this_week,
        coalesce(members.join_date >= members.week_start, false)
            or coalesce(members.status_date >= members.week_start, false) as partial_week,
        -- a leaver is listed in the week it left; an old status date counts only if the member
        -- was still here last week (a late report), not for a leaver listed again
        coalesce(members.status in ('closed', 'ported_out', 'left_group'), false)
            and (coalesce(members.status_date >= members.week_start, false)
                 or coalesce(previous_week.status in ('active', 'suspended'), false)) as departed_this_week,
        coalesce(usage.calls_out, 0) as calls_out,
        coalesce(usage.calls_in, 0) as calls_in,
        coalesce(usage.minutes_out, 0) as minutes_out,
        coalesce(usage.minutes_in, 0) as minutes_in,
        coalesce(usage.minutes_out + usage.minutes_in, 0) as minutes_total,
        coalesce(usage.sms_out, 0) as sms_out,
        coalesce(usage.sms_in, 0) as sms_in,
        coalesce(usage.active_days, 0) as active_days,
        coalesce(usage.outgoing_days, 0) as outgoing_days,
        coalesce(usage.distinct_contacts, 0) as distinct_contacts,
        coalesce(usage.calls_cmcc, 0) as calls_cmcc,
        coalesce(usage.calls_cu, 0) as calls_cu,
        coalesce(usage.calls_ct, 0) as calls_ct,
        coalesce(usage.calls_fixed, 0) as calls_fixed,
        coalesce(usage.calls_intl, 0) as calls_intl,
        coalesce(usage.calls_unknown, 0) as calls_unknown,
        coalesce(usage.minutes_cmcc, 0) as minutes_cmcc,
        coalesce(usage.minutes_cu, 0) as minutes_cu,
        coalesce(usage.minutes_ct, 0) as minutes_ct,
        coalesce(usage.calls_cu, 0) / nullif(usage.calls_out + usage.calls_in, 0) as share_calls_cu,
        coalesce(usage.calls_ct, 0) / nullif(usage.calls_out + usage.calls_in, 0) as share_calls_ct,
        coalesce(usage.minutes_cu, 0) / nullif(usage.minutes_out + usage.minutes_in, 0) as share_minutes_cu,
        coalesce(usage.minutes_ct, 0) / nullif(usage.minutes_out + usage.minutes_in, 0) as share_minutes_ct,
        coalesce(forwarding.fwd_calls, 0) as fwd_calls,
        coalesce(forwarding.fwd_days, 0) as fwd_days,
        coalesce(forwarding.fwd_targets, 0) as fwd_targets,
        coalesce(forwarding.fwd_calls_same_group, 0) as fwd_calls_same_group,
        coalesce(forwarding.fwd_targets_same_group, 0) as fwd_targets_same_group,
        coalesce(forwarding.fwd_calls_off_group, 0) as fwd_calls_off_group,
        coalesce(forwarding.fwd_days_off_group, 0) as fwd_days_off_group,
        coalesce(forwarding.fwd_targets_off_group, 0) as fwd_targets_off_group,
        coalesce(forwarding.fwd_calls_competitor, 0) as fwd_calls_competitor,
        coalesce(forwarding.fwd_days_competitor, 0) as fwd_days_competitor,
        coalesce(forwarding.fwd_targets_competitor, 0) as fwd_targets_competitor,
        coalesce(forwarding.fwd_networks_off_group, '') as fwd_networks_off_group,
        coalesce(handset_summary.handsets_seen, 0) as handsets_seen,
        latest_handset.imei as imei_latest,
        left(latest_handset.imei, 8) as tac_latest,
        latest_handset.days as imei_latest_days,
        latest_handset.first_day as imei_latest_first_day,
        latest_handset.last_day as imei_latest_last_day,
        latest_handset.is_dual_sim as handset_dual_sim,
        latest_handset.is_cdma2000 as handset_cdma2000,
        coalesce(handset_summary.any_dual_sim, false) as any_dual_sim,
        coalesce(handset_summary.any_cdma2000, false) as any_cdma2000,
        latest_bill.bill_month,
        latest_bill.total_fee_cny as bill_total_cny,
        $config_hash as config_hash
    from members
    left join usage on usage.msisdn = members.msisdn
    left join forwarding on forwarding.group_id = members.group_id and forwarding.msisdn = members.msisdn
    left join handset_summary on handset_summary.msisdn = members.msisdn
    left join latest_handset on latest_handset.msisdn = members.msisdn
    left join latest_bill on latest_bill.msisdn = members.msisdn
    left join previous_week on previous_week.group_id = members.group_id and previous_week.msisdn = members.msisdn
)

select * from final
