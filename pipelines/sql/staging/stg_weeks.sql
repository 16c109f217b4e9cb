-- Reads:  raw_bundles (one row per loaded week).
-- Writes: temp table stg_weeks. Grain: one row per loaded week up to and including the scored
--         week $week, with its Monday and Sunday, its order, the loaded week before it, and how
--         many calendar weeks it lies before the scored week (`weeks_back`, 0 for $week).
-- Why:    every later model asks "which weeks are history" and "what dates is this week"; weeks
--         after $week are left out here, so nothing downstream can see the future.
create or replace temp table stg_weeks as
with bundles as (
    select week, checksum
    from raw_bundles
    where week <= $week
),

parsed as (
    select
        week,
        checksum,
        make_date(cast(split_part(week, '-W', 1) as integer), 1, 4) as january_4th,
        cast(split_part(week, '-W', 2) as integer) as week_number
    from bundles
),

dated as (
    select
        week,
        checksum,
        -- ISO week 1 is the week holding January 4th.
        cast(january_4th - cast(isodow(january_4th) - 1 as integer) + (week_number - 1) * 7 as date) as week_start
    from parsed
),

final as (
    select
        week,
        checksum,
        week_start,
        cast(week_start + 6 as date) as week_end,
        cast(datediff('day', week_start, max(week_start) over ()) / 7 as integer) as weeks_back,
        cast(row_number() over (order by week) as integer) as week_ordinal,
        lag(week) over (order by week) as previous_week,
        week = $week as is_scored_week
    from dated
)

select * from final
