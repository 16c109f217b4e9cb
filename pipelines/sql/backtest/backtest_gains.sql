-- Reads:  bt_predictions (the risk score's rows), bt_group_labels (complete weeks).
-- Writes: inserts the run $run_id into backtest_gains. Grain: one row per (label, cut), cuts
--         every $gains_step_percent % of each week's groups from 0 to 100.
-- Why:    the cumulative gains curve: visiting each week's top k % of groups by risk score, what
--         share of the groups that went on to churn would the managers have seen? Cuts are taken
--         per week (that is how the list is used) and pooled over the complete weeks; equal scores
--         are ranked in bt_predictions' fixed pseudo-random order, so each cut is ceil(k %) of a
--         week's groups. A curve on the diagonal is no better than chance.
insert into backtest_gains by name
with groups as (
    select
        bt_group_labels.label,
        bt_group_labels.churned,
        bt_predictions.score_rank,
        bt_predictions.week_group_count
    from bt_group_labels
    join bt_predictions
        on bt_predictions.kind = 'score'
        and bt_predictions.week = bt_group_labels.week
        and bt_predictions.group_id = bt_group_labels.group_id
    where bt_group_labels.horizon_complete
),

cuts as (
    select distinct cast(unnest(list_append(range(0, 100, cast($gains_step_percent as bigint)), 100)) as integer) as top_percent
),

taken as (
    select
        groups.label,
        cuts.top_percent,
        count(*) filter (where groups.score_rank <= ceil(cuts.top_percent * groups.week_group_count / 100.0)) as groups_taken,
        count(*) filter (where groups.churned and groups.score_rank <= ceil(cuts.top_percent * groups.week_group_count / 100.0))
            as churners_taken
    from groups
    cross join cuts
    group by groups.label, cuts.top_percent
),

totals as (
    select label, count(*) as group_weeks, count(*) filter (where churned) as churners
    from groups
    group by label
),

final as (
    select
        $run_id as run_id,
        taken.label,
        taken.top_percent,
        taken.groups_taken,
        taken.groups_taken / nullif(totals.group_weeks, 0) as population_share,
        taken.churners_taken,
        taken.churners_taken / nullif(totals.churners, 0) as churner_share,
        (taken.churners_taken / nullif(totals.churners, 0)) / nullif(taken.groups_taken / nullif(totals.group_weeks, 0), 0) as lift,
        cast($horizon_weeks as integer) as horizon_weeks,
        $config_hash as config_hash
    from taken
    join totals using (label)
)

select * from final
