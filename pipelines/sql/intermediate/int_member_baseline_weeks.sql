-- Reads:  member_week_features (history), member_signals and group_signals (earlier weeks),
--         stg_weeks.
-- Writes: temp table int_member_baseline_weeks. Grain: one row per member of the scored week
--         $week and each prior week its baseline is taken from.
-- Why:    the member's reference weeks: the $baseline_weeks most recent prior weeks (within
--         $baseline_lookback_weeks) in which the member was active for the whole week and NOT
--         already flagged for a usage anomaly (nor its group for a group-wide usage fall). So a
--         baseline never absorbs the fall it measures: three low weeks are not the new normal,
--         and forwarding that began two weeks ago is still judged against the weeks before it.
create or replace temp table int_member_baseline_weeks as
with history_weeks as (
    select week from stg_weeks where weeks_back between 1 and $baseline_lookback_weeks
),

current_members as (
    select group_id, msisdn from member_week_features where week = $week
),

flagged_members as (
    select distinct week, group_id, msisdn
    from member_signals
    where week in (select week from history_weeks)
      and signal in ('zero_outgoing', 'mou_drop', 'batch_forwarding', 'dual_phone')
),

flagged_groups as (
    select week, group_id
    from group_signals
    where week in (select week from history_weeks)
      and signal = 'mou_drop'
      and model = 'group_total'
),

candidates as (
    select
        features.week,
        features.group_id,
        features.msisdn,
        features.minutes_total,
        features.calls_out,
        features.calls_in,
        features.calls_cu,
        features.calls_ct,
        features.fwd_calls_off_group
    from member_week_features as features
    semi join current_members
        on current_members.group_id = features.group_id and current_members.msisdn = features.msisdn
    where features.week in (select week from history_weeks)
      and features.status = 'active'
      and not features.partial_week
),

unflagged as (
    select candidates.*
    from candidates
    anti join flagged_members
        on flagged_members.week = candidates.week
       and flagged_members.group_id = candidates.group_id
       and flagged_members.msisdn = candidates.msisdn
    anti join flagged_groups
        on flagged_groups.week = candidates.week and flagged_groups.group_id = candidates.group_id
),

final as (
    select *
    from unflagged
    qualify row_number() over (partition by group_id, msisdn order by week desc) <= $baseline_weeks
)

select * from final
