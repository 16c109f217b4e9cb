-- Reads:  bt_churn_labels, bt_predictions, bt_listed, bt_member_churn, bt_group_labels.
-- Writes: temp table bt_outcomes. Grain: one row per (label, prediction) of a week whose horizon
--         is complete, for a unit in that week's population.
-- Why:    each warning next to what happened after it. Warnings on units outside the population
--         (a member who left in W itself, a group with nobody left) drop out: their churn is
--         already history at W, not a prediction. A member without a bt_member_churn row stayed.
create or replace temp table bt_outcomes as
with labels as (
    select * from bt_churn_labels
),

population as (
    select week, group_id, msisdn from bt_listed where is_evaluated and horizon_complete and not is_departure
),

member_warnings as (
    select bt_predictions.*
    from bt_predictions
    join population
        on population.week = bt_predictions.week
        and population.group_id = bt_predictions.group_id
        and population.msisdn = bt_predictions.msisdn
    where bt_predictions.level = 'member'
),

member_outcomes as (
    select
        member_warnings.*,
        labels.label,
        churn.msisdn is not null as churned,
        churn.churn_week,
        churn.weeks_to_churn
    from member_warnings
    cross join labels
    left join bt_member_churn as churn
        on churn.label = labels.label
        and churn.week = member_warnings.week
        and churn.group_id = member_warnings.group_id
        and churn.msisdn = member_warnings.msisdn
),

group_outcomes as (
    select
        bt_predictions.*,
        bt_group_labels.label,
        bt_group_labels.churned,
        bt_group_labels.churn_week,
        bt_group_labels.weeks_to_churn
    from bt_predictions
    join bt_group_labels on bt_group_labels.week = bt_predictions.week and bt_group_labels.group_id = bt_predictions.group_id
    where bt_predictions.level = 'group' and bt_group_labels.horizon_complete
),

final as (
    select level, kind, subject, label, week, group_id, msisdn, score_value, flagged, churned, churn_week, weeks_to_churn
    from member_outcomes
    union all
    select level, kind, subject, label, week, group_id, msisdn, score_value, flagged, churned, churn_week, weeks_to_churn
    from group_outcomes
)

select * from final
