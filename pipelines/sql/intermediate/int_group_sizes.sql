-- Reads:  stg_groups, member_week_features of the scored week $week.
-- Writes: temp table int_group_sizes. Grain: one row per group in the week's snapshot.
-- Why:    the denominators every reason and score needs ("5 of 38 members"): members active at
--         week end, key persons, members lost this week, and the group's monthly billed revenue
--         (its value). The one definition of "active member", "members lost" and "group revenue":
--         everything else (scores, the published layer, the dashboard) takes them from here.
create or replace temp table int_group_sizes as
with members as (
    select * from member_week_features where week = $week
),

per_group as (
    select
        group_id,
        count(*) as members_listed,
        count(*) filter (where status = 'active') as members_active,
        count(*) filter (where status = 'active' and is_key_person) as key_persons_active,
        count(*) filter (where is_key_person) as key_persons_listed,
        count(*) filter (where departed_this_week) as members_lost,
        count(*) filter (where departed_this_week and status = 'ported_out') as members_ported,
        coalesce(sum(bill_total_cny), 0) as revenue_cny
    from members
    group by group_id
),

final as (
    select
        stg_groups.group_id,
        stg_groups.group_class,
        stg_groups.is_large,
        cast(coalesce(per_group.members_listed, 0) as integer) as members_listed,
        cast(coalesce(per_group.members_active, 0) as integer) as members_active,
        cast(coalesce(per_group.key_persons_active, 0) as integer) as key_persons_active,
        cast(coalesce(per_group.key_persons_listed, 0) as integer) as key_persons_listed,
        cast(coalesce(per_group.members_lost, 0) as integer) as members_lost,
        cast(coalesce(per_group.members_ported, 0) as integer) as members_ported,
        cast(coalesce(per_group.revenue_cny, 0) as double) as revenue_cny
    from stg_groups
    left join per_group on per_group.group_id = stg_groups.group_id
)

select * from final
