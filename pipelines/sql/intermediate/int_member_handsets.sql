-- Reads:  member_week_features (this week and history), stg_weeks, stg_tac.
-- Writes: temp table int_member_handsets. Grain: one row per member of the scored week $week
--         whose records this week name a handset.
-- Why:    the handset's story, for handset_change and the dual-mode model of dual_phone: the
--         current handset, the week it became the member's handset (first week of the current
--         run of weeks it was the week's last handset) and the days used since, the handset
--         before it and for how many weeks, and the member's minutes before the new one appeared,
--         with what the typical member did between those weeks and this one (the population's
--         ratio: medians over members active all week, this week against the same weeks before;
--         1 below $baseline_population_min_members members). The population's weekly trend
--         (int_population_trend) is no use here: it measures this week against each member's
--         recent baseline, which after a holiday is lower than the weeks before a handset that
--         appeared in it.
create or replace temp table int_member_handsets as
with window_weeks as (
    select week, week_start, weeks_back
    from stg_weeks
    where weeks_back <= greatest($dual_phone_handset_lookback_weeks + $baseline_lookback_weeks,
                                 $handset_change_old_min_weeks + $handset_change_flag_weeks)
),

current_handsets as (
    select group_id, msisdn, imei_latest, tac_latest, handset_dual_sim, handset_cdma2000,
           status, partial_week, minutes_total, calls_out + calls_in as calls
    from member_week_features
    where week = $week and imei_latest is not null
),

history as (
    select
        features.week,
        window_weeks.weeks_back,
        features.group_id,
        features.msisdn,
        features.imei_latest,
        features.imei_latest_days,
        features.minutes_total,
        features.calls_out + features.calls_in as calls,
        features.status = 'active' and not features.partial_week as active_all_week
    from member_week_features as features
    join window_weeks on window_weeks.week = features.week
    semi join current_handsets
        on current_handsets.group_id = features.group_id and current_handsets.msisdn = features.msisdn
),

-- the weeks whose records name a handset; a run is a stretch of these weeks with one handset
handset_weeks as (
    select * from history where imei_latest is not null
),

-- the last week before the current run and its handset (null when the member has had one handset
-- all along). Runs are found by two aggregates rather than window functions over every member's
-- weeks: lag and a running sum cost more than the rest of the model together (measured).
changes as (
    select
        handset_weeks.group_id,
        handset_weeks.msisdn,
        max(handset_weeks.week) filter (where handset_weeks.imei_latest <> current_handsets.imei_latest) as changed_week,
        arg_max(handset_weeks.imei_latest, handset_weeks.week)
            filter (where handset_weeks.imei_latest <> current_handsets.imei_latest) as previous_imei
    from handset_weeks
    join current_handsets
        on current_handsets.group_id = handset_weeks.group_id and current_handsets.msisdn = handset_weeks.msisdn
    group by handset_weeks.group_id, handset_weeks.msisdn
),

-- each week against the change: in the current run (after it), or up to it
weeks_by_change as (
    select
        handset_weeks.*,
        changes.changed_week,
        changes.previous_imei,
        changes.changed_week is null or handset_weeks.week > changes.changed_week as in_current_run
    from handset_weeks
    join changes on changes.group_id = handset_weeks.group_id and changes.msisdn = handset_weeks.msisdn
),

-- the current run, and where the previous run began: after the last week before the change with
-- yet another handset
runs as (
    select
        group_id,
        msisdn,
        any_value(previous_imei) as previous_imei,
        min(week) filter (where in_current_run) as first_week,
        max(weeks_back) filter (where in_current_run) as first_weeks_back,
        sum(imei_latest_days) filter (where in_current_run) as days,
        max(week) filter (where week < changed_week and imei_latest <> previous_imei) as before_previous_run,
        list(week) filter (where week <= changed_week) as weeks_to_change
    from weeks_by_change
    group by group_id, msisdn
),

current_run as (
    select group_id, msisdn, first_week, first_weeks_back, days from runs
),

previous_run as (
    select
        group_id,
        msisdn,
        previous_imei as imei,
        len(list_filter(weeks_to_change, week -> before_previous_run is null or week > before_previous_run)) as weeks
    from runs
    where previous_imei is not null
),

-- the member's usual minutes in the weeks before the current handset appeared
weeks_before_new as (
    select history.group_id, history.msisdn, history.week, history.minutes_total, history.calls
    from history
    join current_run
        on current_run.group_id = history.group_id and current_run.msisdn = history.msisdn
    where history.week < current_run.first_week and history.active_all_week
    qualify row_number() over (partition by history.group_id, history.msisdn order by history.week desc) <= $baseline_weeks
),

usage_before_new as (
    select
        group_id,
        msisdn,
        count(*) as weeks_before,
        median(minutes_total) as minutes_before,
        median(calls) as calls_before,
        min(week) as before_from_week,
        max(week) as before_to_week
    from weeks_before_new
    group by group_id, msisdn
),

-- the typical member's week, for every week of the window
population_weeks as (
    select
        features.week,
        count(*) as members,
        median(features.minutes_total) as minutes,
        median(features.calls_out + features.calls_in) as calls
    from member_week_features as features
    join window_weeks on window_weeks.week = features.week
    where features.status = 'active' and not features.partial_week
    group by features.week
),

population_now as (
    select * from population_weeks where week = $week
),

-- the typical member's weeks matching each member's weeks before the new handset
population_before as (
    select
        usage_before_new.group_id,
        usage_before_new.msisdn,
        median(population_weeks.minutes) as minutes,
        median(population_weeks.calls) as calls,
        min(population_weeks.members) as members
    from usage_before_new
    join population_weeks
        on population_weeks.week between usage_before_new.before_from_week and usage_before_new.before_to_week
    group by usage_before_new.group_id, usage_before_new.msisdn
),

final as (
    select
        current_handsets.group_id,
        current_handsets.msisdn,
        current_handsets.imei_latest as imei,
        current_handsets.tac_latest as tac,
        stg_tac.brand,
        stg_tac.model,
        coalesce(current_handsets.handset_dual_sim, false) as is_dual_sim,
        coalesce(current_handsets.handset_cdma2000, false) as is_cdma2000,
        current_run.first_week as new_since_week,
        cast(current_run.first_weeks_back as integer) as new_weeks_back,
        cast(current_run.days as integer) as new_days,
        previous_run.imei as previous_imei,
        cast(previous_run.weeks as integer) as previous_weeks,
        cast(coalesce(usage_before_new.weeks_before, 0) as integer) as weeks_before,
        usage_before_new.minutes_before,
        usage_before_new.calls_before,
        case when least(population_now.members, population_before.members) >= $baseline_population_min_members
            then coalesce(population_now.minutes / nullif(population_before.minutes, 0), 1.0) else 1.0
        end as population_minutes_ratio,
        case when least(population_now.members, population_before.members) >= $baseline_population_min_members
            then coalesce(population_now.calls / nullif(population_before.calls, 0), 1.0) else 1.0
        end as population_calls_ratio,
        current_handsets.minutes_total as minutes_now,
        current_handsets.calls as calls_now,
        current_handsets.status,
        current_handsets.status = 'active' and not current_handsets.partial_week as active_all_week
    from current_handsets
    join current_run
        on current_run.group_id = current_handsets.group_id and current_run.msisdn = current_handsets.msisdn
    left join previous_run
        on previous_run.group_id = current_handsets.group_id and previous_run.msisdn = current_handsets.msisdn
    left join usage_before_new
        on usage_before_new.group_id = current_handsets.group_id and usage_before_new.msisdn = current_handsets.msisdn
    left join population_before
        on population_before.group_id = current_handsets.group_id and population_before.msisdn = current_handsets.msisdn
    left join population_now on true
    left join stg_tac on stg_tac.tac = current_handsets.tac_latest
)

select * from final
