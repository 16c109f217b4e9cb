-- Reads:  int_member_baselines.
-- Writes: temp table int_population_trend. Grain: one row for the scored week.
-- Why:    what everybody did this week: the median, over members with history, of this week
--         against their own baseline (minutes, outgoing calls). A holiday week moves everyone;
--         dividing by this trend keeps each member's relative position. Below
--         $baseline_population_min_members members there is no trend to speak of: ratio 1.
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

outgoing as (
    select
        count(*) as members,
        median(calls_out / baseline_calls_out) as ratio
    from stable
    where baseline_calls_out > 0
),

final as (
    select
        cast(minutes.members as integer) as minutes_members,
        case when minutes.members >= $baseline_population_min_members then minutes.ratio else 1.0 end as minutes_ratio,
        cast(outgoing.members as integer) as outgoing_members,
        case when outgoing.members >= $baseline_population_min_members then outgoing.ratio else 1.0 end as outgoing_ratio
    from minutes
    cross join outgoing
)

select * from final
