-- Reads:  int_member_baselines, int_population_trend.
-- Writes: inserts into signal_rows. Grain: one row per member flagged zero_outgoing (零次通话).
-- Why:    an active member who used to call out made no outgoing call this week. "Used to" is
--         the baseline's outgoing calls scaled by this week's population trend: zero counts only
--         where at least $zero_outgoing_min_expected_calls calls were to be expected (in a
--         holiday week fewer are). For key persons (severity 3) and mid/high-end members
--         (severity 2) the strongest early sign.
insert into signal_rows by name
with members as (
    select * from int_member_baselines where has_history
),

judged as (
    select
        members.*,
        int_population_trend.outgoing_ratio,
        members.baseline_calls_out * int_population_trend.outgoing_ratio as expected_calls
    from members
    cross join int_population_trend
),

final as (
    select
        $week as week,
        group_id,
        msisdn,
        'zero_outgoing' as signal,
        null as model,
        case when is_key_person then 3 when is_mid_high_end then 2 else 1 end as severity,
        baseline_calls_out as metric_baseline,
        calls_out as metric_now,
        -1.0 as metric_change,
        null as members_affected,
        json_object(
            'calls_out', calls_out,
            'calls_in', calls_in,
            'baseline_calls_out', baseline_calls_out,
            'expected_calls', round(expected_calls, 1),
            'population_ratio', round(outgoing_ratio, 3),
            'baseline_weeks', baseline_weeks,
            'baseline_from', baseline_from,
            'baseline_to', baseline_to
        ) as detail
    from judged
    where calls_out = 0
      and expected_calls >= $zero_outgoing_min_expected_calls
)

select * from final
