-- Reads:  raw_members, bt_weeks.
-- Writes: temp view bt_listed. Grain: one row per member (msisdn in a group) per loaded week, as
--         the week's snapshot lists it.
-- Why:    who is still with a group, named once. A member listed closed, ported out or left the
--         group has departed; anyone else (active, suspended: still a customer) is in the week's
--         population. Key persons are every role but `member`, as in scoring. A view, not a
--         table: a city's 26 weeks are 5 M rows, and later models only aggregate or probe them.
create or replace temp view bt_listed as
with snapshots as (
    select * from raw_members
),

final as (
    select
        snapshots.week,
        bt_weeks.week_start,
        bt_weeks.next_loaded_start,
        bt_weeks.is_evaluated,
        bt_weeks.horizon_complete,
        snapshots.group_id,
        snapshots.msisdn,
        coalesce(snapshots.role <> 'member', false) as is_key_person,
        snapshots.status,
        coalesce(snapshots.status in ('closed', 'ported_out', 'left_group'), false) as is_departure
    from snapshots
    join bt_weeks on bt_weeks.week = snapshots.week
)

select * from final
