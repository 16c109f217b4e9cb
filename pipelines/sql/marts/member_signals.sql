-- Reads:  signal_rows (member rows), member_week_features of the week $week, member_signals of
--         the previous loaded week, stg_weeks.
-- Writes: inserts the week $week into member_signals. Grain: one row per (member, signal) fired.
-- Why:    what the call list and the member drill-down show: who, which warning, how strong,
--         the numbers behind it, and since when it has fired without a break ("since" carries
--         over from last week's row of the same member and signal).
insert into member_signals by name
with fired as (
    select * from signal_rows where msisdn is not null
),

who as (
    select group_id, msisdn, is_key_person, is_mid_high_end
    from member_week_features
    where week = $week
),

last_week as (
    select member_signals.group_id, member_signals.msisdn, member_signals.signal, member_signals.since_week
    from member_signals
    join stg_weeks on stg_weeks.is_scored_week and member_signals.week = stg_weeks.previous_week
),

final as (
    select
        fired.week,
        fired.group_id,
        fired.msisdn,
        fired.signal,
        fired.model,
        fired.severity,
        fired.detail,
        $config_hash as config_hash,
        who.is_key_person,
        who.is_mid_high_end,
        coalesce(last_week.since_week, fired.week) as since_week,
        fired.metric_baseline,
        fired.metric_now,
        fired.metric_change
    from fired
    join who on who.group_id = fired.group_id and who.msisdn = fired.msisdn
    left join last_week
        on last_week.group_id = fired.group_id
       and last_week.msisdn = fired.msisdn
       and last_week.signal = fired.signal
)

select * from final
