-- Reads:  member_contact_week and member_week_features of week $week.
-- Writes: inserts the week $week into pub_group_forwarding. Grain: one row per group, week and
--         network of the numbers its members forward calls to.
-- Why:    where a group's calls are forwarded (above all to CU/CT): calls, how many members
--         forward and to how many numbers. Counts only: a third party's number never leaves the
--         scoring tables.
insert into pub_group_forwarding by name
with forwarded as (
    select msisdn, other_party, coalesce(other_network, 'UNKNOWN') as network, fwd_calls
    from member_contact_week
    where week = $week and fwd_calls > 0
),

members as (
    select msisdn, group_id from member_week_features where week = $week
),

final as (
    select
        $week as week,
        members.group_id,
        forwarded.network,
        cast(sum(forwarded.fwd_calls) as integer) as calls,
        cast(count(distinct forwarded.msisdn) as integer) as members,
        cast(count(distinct forwarded.other_party) as integer) as targets
    from forwarded
    join members on members.msisdn = forwarded.msisdn
    group by all
)

select * from final
