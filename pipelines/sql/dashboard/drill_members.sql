-- Drill-down members: everyone listed in the group in any week, as last listed, with when they
-- were last active and their minutes then against the $baseline_weeks weeks before. The number is
-- returned for the loader to mask and pseudonymize; it never reaches the page.
with
history as (
    select f.*, row_number() over (partition by f.group_id, f.msisdn order by f.week desc) as weeks_back
    from member_week_features f
    semi join dash_drill_groups d on d.group_id = f.group_id
),
summary as (
    select group_id, msisdn,
           max(week) filter (where active_days > 0) as last_active_week,
           max(imei_latest_last_day) filter (where active_days > 0)::varchar as last_seen_day,
           round(any_value(minutes_total) filter (where weeks_back = 1), 1)::double as minutes_latest,
           round(median(minutes_total) filter (where weeks_back between 2 and 1 + $baseline_weeks), 1)::double
               as minutes_baseline
    from history
    group by group_id, msisdn
)
select h.group_id, h.msisdn, h.week as listed_week, h.role, h.is_key_person, h.vip_level, h.is_mid_high_end,
       h.plan_fee_cny::double as plan_fee_cny, h.status, h.status_date::varchar as status_date,
       h.join_date::varchar as join_date, h.contract_end::varchar as contract_end,
       s.last_active_week, s.last_seen_day, s.minutes_latest, s.minutes_baseline
from history h
join summary s on s.group_id = h.group_id and s.msisdn = h.msisdn
where h.weeks_back = 1
order by h.group_id, h.is_key_person desc, h.msisdn
