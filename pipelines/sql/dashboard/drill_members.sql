-- Reads:  pub_member_week, pub_group_week, dash_drill_batch.
-- Grain:  one row per drill-down group (of the batch) and member listed in it in any scored week.
-- Why:    everything the member tables show, for whichever week is picked: the member's facts as
--         last listed (masked number, pseudonym, VIP, key person, mid/high-end, plan fee, dates)
--         and its weeks in one text, `weeks`: per week listed, `i:codes:minutes:baseline:handset`,
--         ';'-separated, in no particular order — i the week's index into the group's published
--         weeks; codes one character each for status, role, active days and weekday last seen;
--         minutes and baseline rounded to whole minutes; handset the key of the handset used that
--         week (drill_handsets.sql), empty when none was. One row a member, unordered aggregates:
--         a city's 5 M member-weeks would cost far more as rows or sorted lists.
--         groupArchive.ts spreads the weeks over the group's weeks; the page decodes the codes
--         (src/components/drillData.js). The full number never leaves the warehouse.
with
group_weeks as (
    select
        pub_group_week.group_id, pub_group_week.week,
        (row_number() over (partition by pub_group_week.group_id order by pub_group_week.week) - 1)::integer as i
    from pub_group_week
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_group_week.group_id
),

member_weeks as (
    select
        group_id, member_key, week, msisdn_masked, vip_level, is_key_person, is_mid_high_end, plan_fee_cny,
        join_date, contract_end, status, role, active_days, last_seen_day, minutes_total, baseline_minutes,
        case when last_seen_day is not null
             then hash(coalesce(handset_brand, ''), coalesce(handset_model, ''), coalesce(handset_dual_sim, false), coalesce(handset_cdma2000, false))
        end as handset_key
    from pub_member_week
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_member_week.group_id
),

cells as (
    select
        member_weeks.*,
        group_weeks.i || ':'
        || case member_weeks.status
               when 'active' then 'a' when 'suspended' then 's' when 'closed' then 'c'
               when 'ported_out' then 'p' when 'left_group' then 'l' else '?' end
        || case member_weeks.role
               when 'decision_maker' then 'd' when 'dept_head' then 'h' when 'contact' then 'c'
               when 'influencer' then 'i' when 'member' then 'm' else '?' end
        || least(member_weeks.active_days, 7)
        || coalesce(isodow(member_weeks.last_seen_day), 0)
        || ':' || coalesce(round(member_weeks.minutes_total)::integer::varchar, '')
        || ':' || coalesce(round(member_weeks.baseline_minutes)::integer::varchar, '')
        || ':' || coalesce(member_weeks.handset_key::varchar, '') as cell
    from member_weeks
    join group_weeks on group_weeks.group_id = member_weeks.group_id and group_weeks.week = member_weeks.week
),

final as (
    select
        group_id, member_key,
        arg_max(msisdn_masked, week) as msisdn_masked,
        arg_max(vip_level, week) as vip_level,
        arg_max(is_key_person, week) as is_key_person,
        arg_max(is_mid_high_end, week) as is_mid_high_end,
        arg_max(plan_fee_cny, week) as plan_fee_cny,
        arg_max(join_date, week)::varchar as join_date,
        arg_max(contract_end, week)::varchar as contract_end,
        string_agg(cell, ';') as weeks
    from cells
    group by group_id, member_key
)

select * from final
