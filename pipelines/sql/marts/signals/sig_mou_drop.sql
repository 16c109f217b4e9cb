-- Reads:  int_member_baselines, int_population_trend, int_group_sizes.
-- Writes: inserts into signal_rows. Grain: one row per member flagged mou_drop (MOU预警), and
--         one per group with a flagged member or a flagged group total (msisdn null).
-- Why:    minutes of use falling sharply against the member's baseline, beyond what everybody
--         did this week (member drop share = 1 − now / baseline / population ratio), with a call
--         count that fell significantly too (poisson_z, divided by the week's spread of it across
--         members, >= $significance_z: minutes alone are heavy-tailed, a light caller's week often
--         halves by chance, and some weeks everyone varies more). The group
--         total is judged the same way over its judged members (at least
--         $mou_drop_group_min_members): model `group_total` when it fell, `members` when only
--         some members did (then the group row is severity 1: a few members' fall alone is a
--         watch, the group's is a call).
insert into signal_rows by name
with judged as (
    select
        int_member_baselines.*,
        int_population_trend.minutes_ratio,
        int_population_trend.calls_z_spread,
        1 - int_member_baselines.minutes_total / int_member_baselines.baseline_minutes
            / nullif(int_population_trend.minutes_ratio, 0) as drop_share,
        int_member_baselines.baseline_calls * int_population_trend.calls_ratio as expected_calls
    from int_member_baselines
    cross join int_population_trend
    where int_member_baselines.has_history
      and int_member_baselines.baseline_minutes >= $mou_drop_min_baseline_minutes
),

members as (
    select
        *,
        case when poisson_z(expected_calls, calls_out + calls_in, baseline_weeks) / calls_z_spread >= $significance_z
            then severity_level(drop_share, $mou_drop_member_drop_share_severity1,
                                $mou_drop_member_drop_share_severity2, $mou_drop_member_drop_share_severity3)
        end as severity
    from judged
),

groups as (
    select
        group_id,
        count(*) as judged_members,
        count(*) filter (where severity is not null) as members_down,
        min(drop_share) filter (where severity is not null) as smallest_member_drop,
        -- exact sums: a double sum's last digits depend on thread order, and these are stored
        exact_sum(minutes_total) as minutes_now,
        exact_sum(baseline_minutes) as baseline_minutes,
        sum(calls_out + calls_in) as calls_now,
        exact_sum(expected_calls) as expected_calls,
        min(baseline_weeks) as baseline_weeks,
        any_value(minutes_ratio) as minutes_ratio
    from members
    group by group_id
),

groups_judged as (
    select
        groups.*,
        1 - minutes_now / baseline_minutes / nullif(minutes_ratio, 0) as drop_share,
        case when judged_members >= $mou_drop_group_min_members
              and poisson_z(expected_calls, calls_now, baseline_weeks) >= $significance_z
            then severity_level(1 - minutes_now / baseline_minutes / nullif(minutes_ratio, 0),
                                $mou_drop_group_drop_share_severity1, $mou_drop_group_drop_share_severity2,
                                $mou_drop_group_drop_share_severity3)
        end as group_severity
    from groups
),

member_rows as (
    select
        $week as week,
        group_id,
        msisdn,
        'mou_drop' as signal,
        null as model,
        severity,
        baseline_minutes as metric_baseline,
        minutes_total as metric_now,
        minutes_total / baseline_minutes - 1 as metric_change,
        null as members_affected,
        json_object(
            'minutes_now', round(minutes_total, 1),
            'baseline_minutes', round(baseline_minutes, 1),
            'calls_now', calls_out + calls_in,
            'expected_calls', round(expected_calls, 1),
            'drop_share', round(drop_share, 3),
            'population_ratio', round(minutes_ratio, 3),
            'baseline_weeks', baseline_weeks,
            'baseline_from', baseline_from,
            'baseline_to', baseline_to
        ) as detail
    from members
    where severity is not null
),

group_rows as (
    select
        $week as week,
        groups_judged.group_id,
        null as msisdn,
        'mou_drop' as signal,
        case when group_severity is not null then 'group_total' else 'members' end as model,
        coalesce(group_severity, 1) as severity,
        baseline_minutes as metric_baseline,
        minutes_now as metric_now,
        minutes_now / baseline_minutes - 1 as metric_change,
        members_down as members_affected,
        json_object(
            'group_minutes_now', round(minutes_now, 1),
            'group_minutes_baseline', round(baseline_minutes, 1),
            'group_drop_share', round(drop_share, 3),
            'population_ratio', round(minutes_ratio, 3),
            'judged_members', judged_members,
            'members_down', members_down,
            'member_drop_share', round(smallest_member_drop, 3)
        ) as detail
    from groups_judged
    join int_group_sizes on int_group_sizes.group_id = groups_judged.group_id
    where group_severity is not null or members_down > 0
),

final as (
    select * from member_rows
    union all by name
    select * from group_rows
)

select * from final
