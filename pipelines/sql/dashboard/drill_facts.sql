-- Reads:  pub_group_week, dash_drill_groups.
-- Grain:  one row per drill-down group.
-- Why:    the facts card: each group as published in its last week (snapshot facts, manager,
--         members listed and active, key persons on record). Group phone and address are left
--         out: nobody reading the page needs them.
with
latest as (
    select pub_group_week.*
    from pub_group_week
    join dash_drill_groups
        on dash_drill_groups.group_id = pub_group_week.group_id
        and dash_drill_groups.last_week = pub_group_week.week
),

final as (
    select
        group_id,
        week as snapshot_week,
        group_name, group_class, industry, org_type, employee_count, branch, manager_id, manager_name,
        contract_end::varchar as contract_end,
        members_listed, members_active,
        key_persons_listed as key_persons
    from latest
)

select * from final
