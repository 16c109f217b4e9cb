-- Reads:  bt_listed.
-- Writes: temp table bt_group_sizes. Grain: one row per (evaluated week W, group) with at least
--         one member still with it at W.
-- Why:    the populations every figure divides by: members (summed: the member population) and
--         key persons per group, as they stood at W.
create or replace temp table bt_group_sizes as
with population as (
    select * from bt_listed where is_evaluated and not is_departure
),

final as (
    select
        week,
        any_value(horizon_complete) as horizon_complete,
        group_id,
        count(*) as members,
        count(*) filter (where is_key_person) as key_persons
    from population
    group by week, group_id
)

select * from final
