-- Reads:  group_scores of week $week, stg_groups, stg_managers, int_group_sizes,
--         int_member_baselines, publish_group_week_reasons (the sentences), and pub_group_week
--         of the week published before it.
-- Writes: inserts the week $week into pub_group_week. Grain: one row per group and week, every
--         group of the week's snapshot.
-- Why:    everything a page or an export says about a group in one week, decided once: its facts
--         as of that week, its sizes and revenue (int_group_sizes' definitions), its score and
--         tier with the rule that set it, and where it stood the week before (new / worse / better).
insert into pub_group_week by name
with scores as (
    select * from group_scores where week = $week
),

usage as (
    -- minutes per member active all week, beside the same members' baselines: the signals' own;
    -- averaged as decimals, since a parallel average of doubles differs in its last digits from
    -- run to run (the same data must give the same bytes)
    select
        group_id,
        cast(round(avg(cast(minutes_total as decimal(18, 6))) filter (where active_all_week), 3) as double)
            as minutes_per_member,
        cast(round(avg(cast(baseline_minutes as decimal(18, 6))) filter (where active_all_week), 3) as double)
            as baseline_minutes_per_member
    from int_member_baselines
    group by group_id
),

previous as (
    select group_id, week as previous_week, tier as previous_tier, risk_score as previous_risk_score
    from pub_group_week
    where week = (select max(week) from pub_group_week where week < $week)
),

final as (
    select
        scores.week,
        scores.group_id,
        stg_groups.group_name,
        stg_groups.group_class,
        stg_groups.industry,
        stg_groups.org_type,
        stg_groups.employee_count,
        stg_groups.branch,
        stg_groups.manager_id,
        stg_managers.manager_name,
        stg_groups.contract_end,
        int_group_sizes.members_listed,
        int_group_sizes.members_active,
        int_group_sizes.key_persons_listed,
        int_group_sizes.key_persons_active,
        int_group_sizes.members_lost,
        int_group_sizes.members_ported,
        int_group_sizes.revenue_cny,
        usage.minutes_per_member,
        usage.baseline_minutes_per_member,
        scores.risk_score,
        scores.tier,
        scores.tier_rule,
        scores.signals,
        scores.members_flagged,
        scores.key_persons_flagged,
        coalesce(worded.reasons, '') as reasons,
        coalesce(worded.tier_reason, '') as tier_reason,
        scores.reason_signals,
        scores.families,
        previous.previous_week,
        previous.previous_tier,
        previous.previous_risk_score,
        scores.config_hash
    from scores
    left join stg_groups on stg_groups.group_id = scores.group_id
    left join stg_managers on stg_managers.manager_id = stg_groups.manager_id
    left join int_group_sizes on int_group_sizes.group_id = scores.group_id
    left join usage on usage.group_id = scores.group_id
    left join previous on previous.group_id = scores.group_id
    left join publish_group_week_reasons as worded on worded.group_id = scores.group_id
)

select * from final
