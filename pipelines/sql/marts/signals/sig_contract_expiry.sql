-- Reads:  stg_groups, member_week_features of the week $week, stg_weeks.
-- Writes: inserts into signal_rows. Grain: one row per group whose agreement ends soon
--         (msisdn null), and one per active key person whose own agreement does.
-- Why:    协议到期: the end of an agreement is the competitor's window. Warned from
--         $contract_expiry_notice_days days before the end (severity 1), $contract_expiry_severity2_days
--         (2), $contract_expiry_severity3_days (3: the domain's "ending within a month", a call this
--         week), and up to $contract_expiry_expired_grace_days days after an end not renewed (3).
--         A key person's own agreement is severity 1, or 2 within $contract_expiry_severity3_days.
insert into signal_rows by name
with scored_week as (
    select week_end from stg_weeks where is_scored_week
),

groups as (
    select *, datediff('day', week_end, contract_end) as days_left
    from stg_groups
    where contract_end is not null
),

key_persons as (
    select features.*, datediff('day', scored_week.week_end, features.contract_end) as days_left
    from member_week_features as features
    cross join scored_week
    where features.week = $week
      and features.is_key_person
      and features.status = 'active'
      and features.contract_end is not null
),

-- severity_level grades "at least"; days left count down, so it grades their negation
group_rows as (
    select
        $week as week,
        groups.group_id,
        null as msisdn,
        'contract_expiry' as signal,
        null as model,
        severity_level(-days_left, -$contract_expiry_notice_days, -$contract_expiry_severity2_days,
                       -$contract_expiry_severity3_days) as severity,
        null as metric_baseline,
        days_left as metric_now,
        null as metric_change,
        int_group_sizes.members_active as members_affected,
        json_object('contract_end', contract_end, 'days_left', days_left) as detail
    from groups
    join int_group_sizes on int_group_sizes.group_id = groups.group_id
    where days_left between -$contract_expiry_expired_grace_days and $contract_expiry_notice_days
),

member_rows as (
    select
        $week as week,
        group_id,
        msisdn,
        'contract_expiry' as signal,
        null as model,
        case when days_left <= $contract_expiry_severity3_days then 2 else 1 end as severity,
        null as metric_baseline,
        days_left as metric_now,
        null as metric_change,
        null as members_affected,
        json_object('contract_end', contract_end, 'days_left', days_left, 'role', role) as detail
    from key_persons
    where days_left between -$contract_expiry_expired_grace_days and $contract_expiry_notice_days
),

final as (
    select * from group_rows
    union all by name
    select * from member_rows
)

select * from final
