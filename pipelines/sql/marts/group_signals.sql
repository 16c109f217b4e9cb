-- Reads:  signal_rows, member_signals of the week $week, int_group_sizes, group_signals of the
--         previous loaded week, stg_weeks.
-- Writes: inserts the week $week into group_signals. Grain: one row per (group, signal) fired.
-- Why:    the manager's view of a group: every signal that fired in it, once. A signal with a
--         group-level measure (batch_forwarding, mou_drop, revenue_drop, retention_drop, a group
--         agreement) brings its own row and sentence; a member-level one (zero_outgoing,
--         arpu_drop, dual_phone, arrears, handset_change, a key person's agreement) is rolled up:
--         the strongest member's severity, how many members, key persons and mid/high-end
--         members. `level` tells the two apart: a group-level measure is the group's business
--         (its actions go to the key persons); a roll-up is several people's own (their actions
--         go to each of them). The words are the publish stage's (reasonTemplates.ts).
insert into group_signals by name
with group_rows as (
    select * from signal_rows where msisdn is null
),

members as (
    select * from member_signals where week = $week
),

member_models as (
    select group_id, signal, list_sort(list_distinct(flatten(list(string_split(model, ';'))))) as models
    from members
    where model is not null
    group by group_id, signal
),

member_rollup as (
    select
        members.group_id,
        members.signal,
        max(members.severity) as severity,
        count(distinct members.msisdn) as members_affected,
        count(distinct members.msisdn) filter (where members.is_key_person) as key_persons_affected,
        count(distinct members.msisdn) filter (where members.is_mid_high_end) as mid_high_affected
    from members
    group by members.group_id, members.signal
),

combined as (
    select
        coalesce(group_rows.group_id, member_rollup.group_id) as group_id,
        coalesce(group_rows.signal, member_rollup.signal) as signal,
        case when group_rows.group_id is not null then 'group' else 'members' end as level,
        coalesce(group_rows.severity, member_rollup.severity) as severity,
        cast(coalesce(group_rows.members_affected, member_rollup.members_affected, 0) as integer) as members_affected,
        cast(coalesce(member_rollup.key_persons_affected, 0) as integer) as key_persons_affected,
        cast(coalesce(member_rollup.mid_high_affected, 0) as integer) as mid_high_affected,
        coalesce(group_rows.model, array_to_string(member_models.models, ';')) as model,
        group_rows.metric_baseline,
        group_rows.metric_now,
        group_rows.metric_change,
        coalesce(group_rows.detail, json_object(
            'members_affected', member_rollup.members_affected,
            'key_persons_affected', member_rollup.key_persons_affected,
            'mid_high_affected', member_rollup.mid_high_affected,
            'members_active', int_group_sizes.members_active,
            'models', array_to_string(member_models.models, ';')
        )) as detail
    from group_rows
    full join member_rollup
        on member_rollup.group_id = group_rows.group_id and member_rollup.signal = group_rows.signal
    left join member_models
        on member_models.group_id = coalesce(group_rows.group_id, member_rollup.group_id)
       and member_models.signal = coalesce(group_rows.signal, member_rollup.signal)
    left join int_group_sizes on int_group_sizes.group_id = coalesce(group_rows.group_id, member_rollup.group_id)
),

last_week as (
    select group_signals.group_id, group_signals.signal, group_signals.since_week
    from group_signals
    join stg_weeks on stg_weeks.is_scored_week and group_signals.week = stg_weeks.previous_week
),

final as (
    select
        $week as week,
        combined.group_id,
        combined.signal,
        combined.severity,
        combined.members_affected,
        combined.detail,
        $config_hash as config_hash,
        combined.model,
        combined.key_persons_affected,
        combined.mid_high_affected,
        coalesce(last_week.since_week, $week) as since_week,
        combined.metric_baseline,
        combined.metric_now,
        combined.metric_change,
        combined.level
    from combined
    left join last_week on last_week.group_id = combined.group_id and last_week.signal = combined.signal
)

select * from final
