-- Reads:  bt_churn_labels, bt_outcomes, bt_base, bt_follow_up.
-- Writes: inserts the run $run_id into backtest_results. Grain: one row per (level, kind,
--         subject, label): every signal code ($signal_codes) and dual-phone model
--         ($dual_phone_models) at member and group level, every tier ($tiers), and the risk score,
--         each against `any_churn` and `ported_out`; a warning that never fired is listed too.
-- Why:    the evidence analysts need to trust the warnings, each figure with the counts behind it,
--         over the complete weeks only. Precision = churned among flagged / flagged; recall =
--         churned among flagged / all churners; lift = precision / base rate; AUC is the
--         Mann-Whitney probability that a churner outranks a non-churner (ties count half) by
--         severity, tier membership or score, unwarned units scoring 0; Gini = 2 · AUC − 1. The
--         median lead takes, per churn, its earliest warning within the horizon. A figure with
--         nothing to stand on (no warning, no churner) is NULL, never 0 or NaN. A warned group
--         that did not churn but whose manager recorded it retained is counted apart
--         (flagged_retained): kept by the call, not a false alarm.
insert into backtest_results by name
with subject_lists as (
    select level, kind, kind_order, cast(json(subjects) as varchar[]) as subjects
    from (values
        ('member', 'signal', 1, $signal_codes),
        ('member', 'model', 2, $dual_phone_models),
        ('group', 'signal', 1, $signal_codes),
        ('group', 'model', 2, $dual_phone_models),
        ('group', 'tier', 3, $tiers),
        ('group', 'score', 4, '["risk_score"]')
    ) as t(level, kind, kind_order, subjects)
),

-- in the order the page should list them: signals as configured, models, tiers, the score
subjects as (
    select
        level,
        kind,
        subject,
        cast(row_number() over (partition by level order by kind_order, position) as integer) as display_order
    from (
        select level, kind, kind_order, unnest(subjects) as subject, generate_subscripts(subjects, 1) as position
        from subject_lists
    )
),

labels as (
    select * from bt_churn_labels
),

base as (
    select
        level,
        label,
        count(*) as weeks_counted,
        sum(population) as population,
        sum(churners) as base_churners
    from bt_base
    where horizon_complete
    group by level, label
),

grid as (
    select
        subjects.level,
        subjects.kind,
        subjects.subject,
        subjects.display_order,
        labels.label,
        coalesce(base.weeks_counted, 0) as weeks_counted,
        coalesce(base.population, 0) as population,
        coalesce(base.base_churners, 0) as base_churners
    from subjects
    cross join labels
    left join base on base.level = subjects.level and base.label = labels.label
),

flags as (
    select
        outcomes.level, outcomes.kind, outcomes.subject, outcomes.label,
        count(*) filter (where outcomes.flagged) as flagged,
        count(*) filter (where outcomes.flagged and outcomes.churned) as flagged_churned,
        count(*) filter (where outcomes.flagged and not outcomes.churned and follow.outcome = 'retained') as flagged_retained
    from bt_outcomes as outcomes
    left join bt_follow_up as follow
        on outcomes.level = 'group' and follow.week = outcomes.week and follow.group_id = outcomes.group_id
    group by outcomes.level, outcomes.kind, outcomes.subject, outcomes.label
),

scored_buckets as (
    select level, kind, subject, label, score_value, count(*) as units, count(*) filter (where churned) as churners
    from bt_outcomes
    group by level, kind, subject, label, score_value
),

-- units without a row (not warned) score 0
unscored_buckets as (
    select
        grid.level, grid.kind, grid.subject, grid.label,
        0.0 as score_value,
        grid.population - coalesce(sum(scored_buckets.units), 0) as units,
        grid.base_churners - coalesce(sum(scored_buckets.churners), 0) as churners
    from grid
    left join scored_buckets using (level, kind, subject, label)
    group by grid.level, grid.kind, grid.subject, grid.label, grid.population, grid.base_churners
),

buckets as (
    select level, kind, subject, label, score_value, sum(units) as units, sum(churners) as churners
    from (select * from scored_buckets union all by name select * from unscored_buckets)
    group by level, kind, subject, label, score_value
),

ranked as (
    select
        *,
        units - churners as stayers,
        coalesce(sum(units - churners) over lower_scores, 0) as stayers_below
    from buckets
    window lower_scores as (
        partition by level, kind, subject, label order by score_value
        rows between unbounded preceding and 1 preceding
    )
),

auc as (
    select
        level, kind, subject, label,
        sum(churners * (stayers_below + stayers / 2)) / nullif(sum(churners) * sum(stayers), 0) as auc
    from ranked
    group by level, kind, subject, label
),

-- one lead per churn: from its earliest warning within the horizon
leads as (
    select level, kind, subject, label, group_id, msisdn, churn_week, max(weeks_to_churn) as weeks_to_churn
    from bt_outcomes
    where flagged and churned
    group by level, kind, subject, label, group_id, msisdn, churn_week
),

lead_summary as (
    select level, kind, subject, label, median(weeks_to_churn) as median_weeks_to_churn, count(*) as churn_events_warned
    from leads
    group by level, kind, subject, label
),

figures as (
    select
        grid.*,
        coalesce(flags.flagged, 0) as flagged,
        coalesce(flags.flagged_churned, 0) as flagged_churned,
        coalesce(flags.flagged_retained, 0) as flagged_retained,
        grid.base_churners / nullif(grid.population, 0) as base_rate,
        flags.flagged_churned / nullif(flags.flagged, 0) as precision,
        auc.auc,
        lead_summary.median_weeks_to_churn,
        coalesce(lead_summary.churn_events_warned, 0) as churn_events_warned
    from grid
    left join flags using (level, kind, subject, label)
    left join auc using (level, kind, subject, label)
    left join lead_summary using (level, kind, subject, label)
),

final as (
    select
        $run_id as run_id,
        level,
        kind,
        subject,
        label,
        display_order,
        cast($horizon_weeks as integer) as horizon_weeks,
        weeks_counted,
        population,
        base_churners,
        base_rate,
        flagged,
        flagged_churned,
        cast(flagged_retained as integer) as flagged_retained,
        cast(flagged - flagged_churned - flagged_retained as integer) as false_alarms,
        precision,
        case when flagged > 0 then flagged_churned / nullif(base_churners, 0) end as recall,
        precision / nullif(base_rate, 0) as lift,
        case when kind = 'score' then precision / nullif(base_rate, 0) end as top_decile_lift,
        case when flagged > 0 then auc end as auc,
        case when flagged > 0 then 2 * auc - 1 end as gini,
        median_weeks_to_churn,
        churn_events_warned,
        $config_hash as config_hash
    from figures
)

select * from final
