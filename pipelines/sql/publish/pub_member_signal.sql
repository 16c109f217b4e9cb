-- Reads:  member_signals of week $week, pub_member_week of the week (published just before),
--         publish_member_reasons (the sentences, worded in TypeScript from each signal's detail).
-- Writes: inserts the week $week into pub_member_signal. Grain: one row per member, week and
--         signal fired.
-- Why:    a member's warnings with who the member is (role, key person, mid/high-end) and the
--         reason a manager reads, so the call list and the pages word a warning the same way.
insert into pub_member_signal by name
with signals as (
    select * from member_signals where week = $week
),

members as (
    select group_id, msisdn, member_key, msisdn_masked, role
    from pub_member_week
    where week = $week
),

final as (
    select
        signals.week,
        signals.group_id,
        signals.msisdn,
        members.member_key,
        members.msisdn_masked,
        members.role,
        signals.is_key_person,
        signals.is_mid_high_end,
        signals.signal,
        signals.model,
        signals.severity,
        signals.since_week,
        signals.metric_baseline,
        signals.metric_now,
        signals.metric_change,
        signals.detail,
        publish_member_reasons.reason
    from signals
    join members on members.group_id = signals.group_id and members.msisdn = signals.msisdn
    join publish_member_reasons
        on publish_member_reasons.group_id = signals.group_id
        and publish_member_reasons.msisdn = signals.msisdn
        and publish_member_reasons.signal = signals.signal
)

select * from final
