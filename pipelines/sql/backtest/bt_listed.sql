-- Reads:  raw_members (what every loaded week's snapshot says: the outcome), pub_member_week
--         (who was a key person, as scoring published it), bt_weeks.
-- Writes: temp view bt_listed. Grain: one row per member (msisdn in a group) per loaded week, as
--         the week's snapshot lists it.
-- Why:    who is still with a group, named once. A member listed closed, ported out or left the
--         group has departed; anyone else (active, suspended: still a customer) is in the week's
--         population. Key persons are as the scored week published them (a week not scored, only
--         a horizon, lists none: only evaluated weeks, all scored, count key persons). A view, not a
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
        coalesce(published.is_key_person, false) as is_key_person,
        snapshots.status,
        coalesce(snapshots.status in ('closed', 'ported_out', 'left_group'), false) as is_departure
    from snapshots
    join bt_weeks on bt_weeks.week = snapshots.week
    left join pub_member_week as published
        on published.week = snapshots.week
        and published.group_id = snapshots.group_id
        and published.msisdn = snapshots.msisdn
)

select * from final
