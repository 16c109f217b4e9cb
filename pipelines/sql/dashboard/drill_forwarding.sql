-- Reads:  pub_group_forwarding, dash_drill_batch.
-- Grain:  one row per drill-down group, week and target network.
-- Why:    calls forwarded per week and target network, with how many members forward and to how
--         many distinct targets, as published. Counts only: a third party's number is never here.
with
forwarding as (
    select * from pub_group_forwarding
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_group_forwarding.group_id
),

final as (
    select week, group_id, network, calls, members, targets
    from forwarding
)

select * from final
order by group_id, week, network
