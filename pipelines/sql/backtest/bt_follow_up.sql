-- Reads:  pub_call_follow_up (what managers reported on each list), pub_group_week, bt_weeks.
-- Writes: temp table bt_follow_up. Grain: one row per evaluated week W and group on W's call list,
--         or warned (medium/high) that week.
-- Why:    the loop closed (domain.md "Closing the loop"): was the group called, and what did its
--         manager record? `reached` when anyone on its lines was reached (a refusal is a
--         conversation too), `not_reached` when lines came back unreached, `no_return` when nothing
--         came back (or it had no line). Its outcome is the strongest recorded for any of its lines:
--         retained, then lost, at_risk, stable.
create or replace temp table bt_follow_up as
with evaluated as (
    select week from bt_weeks where is_evaluated
),

lines as (
    select * from pub_call_follow_up where week in (select week from evaluated)
),

per_group as (
    select
        week,
        group_id,
        bool_or(contact_result in ('reached', 'refused')) as reached,
        bool_or(returned) as returned,
        bool_or(outcome = 'retained') as retained,
        bool_or(outcome = 'lost') as lost,
        bool_or(outcome = 'at_risk') as at_risk,
        bool_or(outcome = 'stable') as stable
    from lines
    group by week, group_id
),

warned as (
    select week, group_id from pub_group_week
    where week in (select week from evaluated) and tier in ('high', 'medium')
),

final as (
    select
        coalesce(warned.week, per_group.week) as week,
        coalesce(warned.group_id, per_group.group_id) as group_id,
        warned.group_id is not null as warned,
        case
            when coalesce(per_group.reached, false) then 'reached'
            when coalesce(per_group.returned, false) then 'not_reached'
            else 'no_return'
        end as follow_up,
        case
            when per_group.retained then 'retained'
            when per_group.lost then 'lost'
            when per_group.at_risk then 'at_risk'
            when per_group.stable then 'stable'
        end as outcome
    from warned
    full join per_group on per_group.week = warned.week and per_group.group_id = warned.group_id
)

select * from final
