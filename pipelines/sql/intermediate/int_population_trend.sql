-- Reads:  int_member_baselines.
-- Writes: temp table int_population_trend. Grain: one row for the scored week.
-- Why:    what everybody did this week: the median, over members with history, of this week
--         against their own baseline (minutes, calls, outgoing calls). A holiday week moves everyone;
--         dividing by this trend keeps each member's relative position. And how unevenly they did
--         it: the robust spread (1.4826 · MAD, at least 1) of the members' Poisson z of calls
--         against that trend. Real weeks vary more than Poisson counts (travel, busy weeks), a
--         holiday most of all; dividing a member's z by this spread keeps the bar for "a clear
--         fall" where the population's own variation puts it. Below
--         $baseline_population_min_members members there is no trend to speak of: ratio 1, spread 1.
create or replace temp table int_population_trend as
with stable as (
    select * from int_member_baselines where has_history
),

minutes as (
    select
        count(*) as members,
        median(minutes_total / baseline_minutes) as ratio
    from stable
    where baseline_minutes >= $mou_drop_min_baseline_minutes
),

calls as (
    select
        count(*) as members,
        median((calls_out + calls_in) / baseline_calls) as ratio
    from stable
    where baseline_calls > 0
),

outgoing as (
    select
        count(*) as members,
        median(calls_out / baseline_calls_out) as ratio
    from stable
    where baseline_calls_out > 0
),

calls_trend as (
    select case when calls.members >= $baseline_population_min_members then calls.ratio else 1.0 end as calls_ratio
    from calls
),

calls_spread as (
    select
        count(*) as members,
        1.4826 * mad(poisson_z(stable.baseline_calls * calls_trend.calls_ratio, stable.calls_out + stable.calls_in, stable.baseline_weeks)) as spread
    from stable
    cross join calls_trend
    where stable.baseline_calls > 0
),

final as (
    select
        cast(minutes.members as integer) as minutes_members,
        case when minutes.members >= $baseline_population_min_members then minutes.ratio else 1.0 end as minutes_ratio,
        calls_trend.calls_ratio,
        case when calls_spread.members >= $baseline_population_min_members then greatest(1.0, calls_spread.spread) else 1.0 end
            as calls_z_spread,
        cast(outgoing.members as integer) as outgoing_members,
        case when outgoing.members >= $baseline_population_min_members then outgoing.ratio else 1.0 end as outgoing_ratio
    from minutes
    cross join calls_trend
    cross join calls_spread
    cross join outgoing
)

select * from final
