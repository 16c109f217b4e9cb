-- Reads:  pub_member_week, pub_group_week, dash_drill_groups.
-- Grain:  one row per drill-down group and member listed in it in any scored week.
-- Why:    the member tables for whichever week is picked, small enough for 5,000 groups × 26
--         weeks: the member's facts as last listed, then one entry per week of the group (its
--         published weeks, oldest first) — status, role, active days, weekday last seen, minutes
--         and baseline (rounded to whole minutes) and handset. Codes are one character per week
--         ('-': not listed that week); the page decodes them (src/components/drillData.js).
--         Members by pseudonym and masked number: the full number never leaves the warehouse.
with
group_weeks as (
    select pub_group_week.group_id, pub_group_week.week
    from pub_group_week
    semi join dash_drill_groups on dash_drill_groups.group_id = pub_group_week.group_id
),

listed as (
    select
        pub_member_week.*,
        row_number() over (partition by pub_member_week.group_id, pub_member_week.member_key
                           order by pub_member_week.week desc) as weeks_back
    from pub_member_week
    semi join dash_drill_groups on dash_drill_groups.group_id = pub_member_week.group_id
),

handsets as (
    select
        group_id, member_key, week,
        (dense_rank() over (
            partition by group_id
            order by coalesce(handset_brand, ''), coalesce(handset_model, ''), coalesce(handset_dual_sim, false), coalesce(handset_cdma2000, false)
        ) - 1)::integer as handset
    from listed
    where last_seen_day is not null
),

members as (
    select group_id, member_key from listed where weeks_back = 1
),

grid as (
    select members.group_id, members.member_key, group_weeks.week
    from members
    join group_weeks on group_weeks.group_id = members.group_id
),

cells as (
    select
        grid.group_id, grid.member_key, grid.week,
        case
            when listed.week is null then '-'
            when listed.status = 'active' then 'a' when listed.status = 'suspended' then 's'
            when listed.status = 'closed' then 'c' when listed.status = 'ported_out' then 'p'
            when listed.status = 'left_group' then 'l' else '?'
        end as status_code,
        case
            when listed.week is null then '-'
            when listed.role = 'decision_maker' then 'd' when listed.role = 'dept_head' then 'h'
            when listed.role = 'contact' then 'c' when listed.role = 'influencer' then 'i'
            when listed.role = 'member' then 'm' else '?'
        end as role_code,
        coalesce(least(listed.active_days, 7)::varchar, '-') as active_code,
        case when listed.week is null then '-' when listed.last_seen_day is null then '0'
             else isodow(listed.last_seen_day)::varchar end as seen_code,
        round(listed.minutes_total)::integer as minutes,
        round(listed.baseline_minutes)::integer as baseline,
        handsets.handset
    from grid
    left join listed on listed.group_id = grid.group_id and listed.member_key = grid.member_key and listed.week = grid.week
    left join handsets on handsets.group_id = grid.group_id and handsets.member_key = grid.member_key and handsets.week = grid.week
),

series as (
    select
        group_id, member_key,
        string_agg(status_code, '' order by week) as status,
        string_agg(role_code, '' order by week) as role,
        string_agg(active_code, '' order by week) as active_days,
        string_agg(seen_code, '' order by week) as seen_weekday,
        list(minutes order by week) as minutes,
        list(baseline order by week) as baseline,
        list(handset order by week) as handset
    from cells
    group by group_id, member_key
),

latest as (
    select * from listed where weeks_back = 1
),

final as (
    select
        latest.group_id, latest.member_key, latest.msisdn_masked,
        latest.vip_level, latest.is_key_person, latest.is_mid_high_end,
        latest.plan_fee_cny, latest.join_date::varchar as join_date, latest.contract_end::varchar as contract_end,
        series.status, series.role, series.active_days, series.seen_weekday,
        series.minutes, series.baseline, series.handset
    from latest
    join series on series.group_id = latest.group_id and series.member_key = latest.member_key
)

select * from final
order by group_id, is_key_person desc, member_key
