-- Reads:  pub_group_week.
-- Grain:  one row per scored week.
-- Why:    the drill-down's usage chart compares a group with every group of the week (a holiday
--         week moves everyone): the mean of the groups' minutes per member active all week.
with
groups as (
    select week, minutes_per_member from pub_group_week
),

final as (
    select week, round(avg(minutes_per_member), 1)::double as minutes_per_member
    from groups
    group by week
)

select * from final
order by week
