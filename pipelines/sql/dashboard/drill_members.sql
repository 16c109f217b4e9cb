-- Reads:  pub_member_week, dash_drill_groups.
-- Grain:  one row per drill-down group and member listed in it in any scored week.
-- Why:    the member tables: everyone as last listed, when they were last active, and their
--         minutes that week beside their published baseline (the one the signals judged them
--         by). Members by pseudonym and masked number: the full number never leaves the warehouse.
with
history as (
    select
        pub_member_week.*,
        row_number() over (partition by pub_member_week.group_id, pub_member_week.member_key
                           order by pub_member_week.week desc) as weeks_back
    from pub_member_week
    semi join dash_drill_groups on dash_drill_groups.group_id = pub_member_week.group_id
),

activity as (
    select
        group_id, member_key,
        max(week) filter (where active_days > 0) as last_active_week,
        max(last_seen_day) filter (where active_days > 0)::varchar as last_seen_day
    from history
    group by group_id, member_key
),

latest as (
    select * from history where weeks_back = 1
),

final as (
    select
        latest.group_id, latest.member_key, latest.msisdn_masked,
        latest.week as listed_week, latest.role, latest.is_key_person, latest.vip_level, latest.is_mid_high_end,
        latest.plan_fee_cny, latest.status, latest.status_date::varchar as status_date,
        latest.join_date::varchar as join_date, latest.contract_end::varchar as contract_end,
        activity.last_active_week, activity.last_seen_day,
        round(latest.minutes_total, 1)::double as minutes_latest,
        round(latest.baseline_minutes, 1)::double as minutes_baseline
    from latest
    join activity on activity.group_id = latest.group_id and activity.member_key = latest.member_key
)

select * from final
order by group_id, is_key_person desc, member_key
