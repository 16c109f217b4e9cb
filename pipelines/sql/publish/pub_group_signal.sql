-- Reads:  group_signals of week $week, publish_group_reasons (the sentences).
-- Writes: inserts the week $week into pub_group_signal. Grain: one row per group, week and
--         signal fired.
-- Why:    the group-level warnings as pages and exports show them: how strong, how many members
--         (key persons, mid/high-end) they touch, since when, and the sentence that explains them.
insert into pub_group_signal by name
with signals as (
    select * from group_signals where week = $week
),

final as (
    select
        signals.week,
        signals.group_id,
        signals.signal,
        model,
        severity,
        members_affected,
        key_persons_affected,
        mid_high_affected,
        since_week,
        metric_baseline,
        metric_now,
        metric_change,
        detail,
        level,
        publish_group_reasons.reason
    from signals
    join publish_group_reasons
        on publish_group_reasons.group_id = signals.group_id
        and publish_group_reasons.signal = signals.signal
)

select * from final
