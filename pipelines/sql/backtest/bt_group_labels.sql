-- Reads:  bt_churn_labels, bt_group_sizes, bt_member_churn.
-- Writes: temp table bt_group_labels. Grain: one row per (label, evaluated week W, group) with at
--         least one member still with it at W.
-- Why:    a group churns when, within the horizon, it loses at least $group_churn_share of the
--         members it had at W, or (with $group_churn_all_key_persons) every key person it had at
--         W. Its churn week is the first week the losses reach that. The `ported_out` label counts
--         only members ported out: the group going to a competitor, not merely shrinking.
create or replace temp table bt_group_labels as
with labels as (
    select * from bt_churn_labels
),

losses as (
    select
        label,
        week,
        group_id,
        churn_week,
        weeks_to_churn,
        count(*) as lost,
        count(*) filter (where is_key_person) as key_persons_lost
    from bt_member_churn
    group by label, week, group_id, churn_week, weeks_to_churn
),

running as (
    select
        losses.*,
        sum(lost) over so_far as lost_so_far,
        sum(key_persons_lost) over so_far as key_persons_lost_so_far
    from losses
    window so_far as (partition by label, week, group_id order by weeks_to_churn)
),

-- shares compare as lost / members, not lost against share × members, so that 7 of 10 meets
-- a 0.7 share exactly
reached as (
    select
        running.label,
        running.week,
        running.group_id,
        min(running.weeks_to_churn) as weeks_to_churn,
        arg_min(running.churn_week, running.weeks_to_churn) as churn_week
    from running
    join bt_group_sizes as sizes on sizes.week = running.week and sizes.group_id = running.group_id
    where running.lost_so_far / sizes.members >= $group_churn_share
        or ($group_churn_all_key_persons and sizes.key_persons > 0 and running.key_persons_lost_so_far = sizes.key_persons)
    group by running.label, running.week, running.group_id
),

final as (
    select
        labels.label,
        sizes.week,
        sizes.horizon_complete,
        sizes.group_id,
        reached.group_id is not null as churned,
        reached.churn_week,
        reached.weeks_to_churn
    from bt_group_sizes as sizes
    cross join labels
    left join reached on reached.label = labels.label and reached.week = sizes.week and reached.group_id = sizes.group_id
)

select * from final
