-- Reads:  pub_member_signal, pub_group_signal, pub_group_week (of the evaluated weeks only), bt_weeks,
--         bt_group_sizes (the week's groups).
-- Writes: temp table bt_predictions. Grain: one row per (level, kind, subject, week, unit) warned:
--         member signals and dual-phone models per member; group signals, dual-phone models,
--         tiers per group; and the risk score for every group of the week.
-- Why:    week W's warnings are exactly what scoring published for W (computed from data up to W),
--         so nothing later leaks in. `score_value` orders the warnings for the AUC: the severity
--         of a signal or model, 1 for a tier, the risk score itself. The score's `flagged` rows
--         are each week's top $top_percent % of groups (rank ≤ ceil(k · groups / 100)); its rank
--         is kept for the gains curve. Groups with equal scores are ranked in a fixed pseudo-random
--         order (md5 of week and group): a cut is then exactly k % of the groups, and ties neither
--         help nor hurt the score, as a manager picking among equals would.
create or replace temp table bt_predictions as
with evaluated as (
    select week from bt_weeks where is_evaluated
),

member_signal as (
    select
        'member' as level,
        'signal' as kind,
        signal as subject,
        week,
        group_id,
        msisdn,
        max(severity) as score_value
    from pub_member_signal
    where week in (select week from evaluated)
    group by signal, week, group_id, msisdn
),

member_model as (
    select
        'member' as level,
        'model' as kind,
        model_name as subject,
        week,
        group_id,
        msisdn,
        max(severity) as score_value
    from (
        select *, unnest(string_split(model, ';')) as model_name
        from pub_member_signal
        where signal = 'dual_phone' and week in (select week from evaluated)
    )
    group by model_name, week, group_id, msisdn
),

group_signal as (
    select
        'group' as level,
        'signal' as kind,
        signal as subject,
        week,
        group_id,
        cast(null as varchar) as msisdn,
        max(severity) as score_value
    from pub_group_signal
    where week in (select week from evaluated)
    group by signal, week, group_id
),

-- a group holds a model when any of its members does (group signals keep no models by contract)
group_model as (
    select 'group' as level, kind, subject, week, group_id, cast(null as varchar) as msisdn, max(score_value) as score_value
    from member_model
    group by kind, subject, week, group_id
),

tier as (
    select 'group' as level, 'tier' as kind, tier as subject, week, group_id, cast(null as varchar) as msisdn, 1 as score_value
    from pub_group_week
    where week in (select week from evaluated)
),

week_groups as (
    select week, group_id from bt_group_sizes
),

score as (
    select
        'group' as level,
        'score' as kind,
        'risk_score' as subject,
        week_groups.week,
        week_groups.group_id,
        cast(null as varchar) as msisdn,
        coalesce(scores.risk_score, 0) as score_value,
        row_number() over week_order as score_rank,
        count(*) over (partition by week_groups.week) as week_group_count
    from week_groups
    left join pub_group_week as scores on scores.week = week_groups.week and scores.group_id = week_groups.group_id
    window week_order as (
        partition by week_groups.week
        order by coalesce(scores.risk_score, 0) desc, md5(week_groups.week || week_groups.group_id)
    )
),

warnings as (
    select * from member_signal
    union all by name select * from member_model
    union all by name select * from group_signal
    union all by name select * from group_model
    union all by name select * from tier
),

final as (
    select
        level, kind, subject, week, group_id, msisdn,
        cast(score_value as double) as score_value,
        true as flagged,
        cast(null as bigint) as score_rank,
        cast(null as bigint) as week_group_count
    from warnings
    union all
    select
        level, kind, subject, week, group_id, msisdn,
        cast(score_value as double) as score_value,
        score_rank <= ceil(cast($top_percent as integer) * week_group_count / 100.0) as flagged,
        score_rank,
        week_group_count
    from score
)

select * from final
