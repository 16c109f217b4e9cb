-- Reads:  member_week_features of the scored week $week, int_member_baseline_weeks.
-- Writes: temp table int_member_baselines. Grain: one row per member (msisdn in a group) in the
--         week's snapshot.
-- Why:    each member's robust reference next to this week's figures: medians over the baseline
--         weeks, so one odd week (a holiday, a trip) moves nothing. `has_history` says whether
--         the member may be judged on usage at all: active all week (not new, not leaving, not
--         suspended) with at least $baseline_min_weeks baseline weeks; otherwise the member is
--         left alone, never compared with an invented baseline.
create or replace temp table int_member_baselines as
with current_week as (
    select * exclude (config_hash, week) from member_week_features where week = $week
),

baseline as (
    select
        group_id,
        msisdn,
        count(*) as baseline_weeks,
        min(week) as baseline_from,
        max(week) as baseline_to,
        median(minutes_total) as baseline_minutes,
        median(calls_out) as baseline_calls_out,
        median(calls_out + calls_in) as baseline_calls,
        median(fwd_calls_off_group) as baseline_fwd_calls_off_group,
        median((calls_cu + calls_ct) / nullif(calls_out + calls_in, 0)) as baseline_share_calls_competitor,
        sum(calls_out + calls_in) as baseline_calls_total
    from int_member_baseline_weeks
    group by group_id, msisdn
),

final as (
    select
        current_week.*,
        cast(coalesce(baseline.baseline_weeks, 0) as integer) as baseline_weeks,
        baseline.baseline_from,
        baseline.baseline_to,
        baseline.baseline_minutes,
        baseline.baseline_calls_out,
        baseline.baseline_calls,
        baseline.baseline_fwd_calls_off_group,
        baseline.baseline_share_calls_competitor,
        baseline.baseline_calls_total,
        (current_week.calls_cu + current_week.calls_ct)
            / nullif(current_week.calls_out + current_week.calls_in, 0) as share_calls_competitor,
        current_week.status = 'active' and not current_week.partial_week as active_all_week,
        current_week.status = 'active' and not current_week.partial_week
            and coalesce(baseline.baseline_weeks, 0) >= $baseline_min_weeks as has_history
    from current_week
    left join baseline
        on baseline.group_id = current_week.group_id and baseline.msisdn = current_week.msisdn
)

select * from final
