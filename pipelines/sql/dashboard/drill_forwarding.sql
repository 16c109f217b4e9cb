-- Reads:  member_contact_week, member_week_features (scoring tables, NOT the published layer),
--         dash_drill_groups.
--         PENDING: no pub_* table holds forwarding per target network yet. This is the one
--         dashboard model still reading scoring tables, until the publish stage writes
--         pub_group_forwarding (group × week × network: calls, members, targets); then it reads
--         that and tests/dashboard/publishedOnly.test.ts drops its exception.
-- Grain:  one row per drill-down group, week and target network.
-- Why:    calls forwarded per week and target network, with how many members forward and to how
--         many distinct targets. Counts only: a third party's number never leaves SQL.
with
forwarded as (
    select week, msisdn, other_party, coalesce(other_network, 'UNKNOWN') as network, fwd_calls
    from member_contact_week
    where fwd_calls > 0
),

members as (
    select member_week_features.week, member_week_features.msisdn, member_week_features.group_id
    from member_week_features
    semi join dash_drill_groups on dash_drill_groups.group_id = member_week_features.group_id
),

final as (
    select
        forwarded.week, members.group_id, forwarded.network,
        sum(forwarded.fwd_calls)::integer as calls,
        count(distinct forwarded.msisdn)::integer as members,
        count(distinct forwarded.other_party)::integer as targets
    from forwarded
    join members on members.week = forwarded.week and members.msisdn = forwarded.msisdn
    group by all
)

select * from final
order by group_id, week, network
