-- Reads:  member_week_features (the last $retention_drop_window_weeks weeks), stg_weeks.
-- Writes: inserts into signal_rows. Grain: one row per group whose retention fell (msisdn null),
--         and one per member who left it this week.
-- Why:    集团保有率预警: the share of the group's members still with us falls. Departures
--         (closed, ported out, left the group) are counted over the last
--         $retention_drop_window_weeks weeks against the members the group had in them, so the
--         warning lasts that long after a wave of departures. Porting out to a competitor weighs
--         most: any port-out fires the warning, $retention_drop_severity2_ported of them make it
--         severity 2 and $retention_drop_severity3_ported severity 3; the share of members lost
--         grades it too ($retention_drop_lost_share_severity*), so one port-out is severity 2 in
--         a small group and severity 1 (routine churn) in a large one.
insert into signal_rows by name
with window_weeks as (
    select week from stg_weeks where weeks_back < $retention_drop_window_weeks
),

listed as (
    select features.*
    from member_week_features as features
    join window_weeks on window_weeks.week = features.week
    -- a leaver listed again after the week it left is no longer a member
    where not (features.status in ('closed', 'ported_out', 'left_group') and not features.departed_this_week)
),

members as (
    select
        group_id,
        msisdn,
        bool_or(departed_this_week) as departed,
        max(week) filter (where departed_this_week) as departed_week,
        arg_max(status, week) as last_status,
        bool_or(is_key_person) as is_key_person,
        bool_or(is_mid_high_end) as is_mid_high_end
    from listed
    group by group_id, msisdn
),

groups as (
    select
        group_id,
        count(*) as members_in_window,
        count(*) filter (where departed) as lost,
        count(*) filter (where departed and last_status = 'ported_out') as ported,
        count(*) filter (where departed and is_key_person) as key_persons_lost
    from members
    group by group_id
    having count(*) filter (where departed) > 0
),

groups_graded as (
    select
        *,
        lost / members_in_window as lost_share,
        greatest(
            severity_level(ported, 1, $retention_drop_severity2_ported, $retention_drop_severity3_ported),
            severity_level(lost / members_in_window, $retention_drop_lost_share_severity1,
                           $retention_drop_lost_share_severity2, $retention_drop_lost_share_severity3)
        ) as severity
    from groups
),

group_rows as (
    select
        $week as week,
        group_id,
        null as msisdn,
        'retention_drop' as signal,
        null as model,
        severity,
        members_in_window as metric_baseline,
        members_in_window - lost as metric_now,
        -lost_share as metric_change,
        lost as members_affected,
        json_object(
            'members_in_window', members_in_window,
            'lost', lost,
            'ported', ported,
            'key_persons_lost', key_persons_lost,
            'retention_share', round(1 - lost_share, 3),
            'window_weeks', $retention_drop_window_weeks
        ) as detail
    from groups_graded
    where severity is not null
),

member_rows as (
    select
        $week as week,
        members.group_id,
        members.msisdn,
        'retention_drop' as signal,
        members.last_status as model,
        case when members.last_status = 'ported_out' then 3 else 2 end as severity,
        null as metric_baseline,
        null as metric_now,
        null as metric_change,
        null as members_affected,
        json_object('status', members.last_status, 'key_person', members.is_key_person,
                    'mid_high_end', members.is_mid_high_end) as detail
    from members
    semi join group_rows on group_rows.group_id = members.group_id
    where members.departed_week = $week
),

final as (
    select * from group_rows
    union all by name
    select * from member_rows
)

select * from final
