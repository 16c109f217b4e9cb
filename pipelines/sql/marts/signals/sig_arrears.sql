-- Reads:  member_week_features of the scored week $week.
-- Writes: inserts into signal_rows. Grain: one row per member flagged arrears (欠费停机).
-- Why:    a key person (severity 3) or a mid/high-end member (severity 2) suspended for arrears
--         at week end: a payment reminder with delayed suspension keeps them; flagged while the
--         suspension lasts. Ordinary members' suspensions are routine and not warned of.
insert into signal_rows by name
with suspended as (
    select features.*, stg_weeks.week_end
    from member_week_features as features
    join stg_weeks on stg_weeks.week = features.week
    where features.week = $week
      and features.status = 'suspended'
      and (features.is_key_person or features.is_mid_high_end)
),

final as (
    select
        $week as week,
        group_id,
        msisdn,
        'arrears' as signal,
        null as model,
        case when is_key_person then 3 else 2 end as severity,
        null as metric_baseline,
        datediff('day', status_date, week_end) as metric_now,
        null as metric_change,
        null as members_affected,
        json_object(
            'suspended_since', status_date,
            'days_suspended', datediff('day', status_date, week_end),
            'plan_fee_cny', plan_fee_cny,
            'vip_level', vip_level,
            'key_person', is_key_person
        ) as detail
    from suspended
)

select * from final
