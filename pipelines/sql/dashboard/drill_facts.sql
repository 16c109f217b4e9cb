-- Reads:  pub_group_week, dash_drill_groups.
-- Grain:  one row per drill-down group.
-- Why:    the group's name and descriptive facts as published in its last week (the search index
--         and the page title). Figures that change week by week are in drill_weeks. Group phone
--         and address are left out: nobody reading the page needs them.
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
        week as last_week,
        group_name, group_class, industry, org_type, branch, manager_id, manager_name,
        tier, round(risk_score, 1)::double as risk_score
    from latest
)

select * from final
order by group_id
