-- Reads:  member_week_features (this week and history), group_signals (earlier weeks),
--         int_member_bills, int_group_sizes, stg_weeks.
-- Writes: inserts into signal_rows. Grain: one row per group flagged revenue_drop (msisdn null).
-- Why:    收入异常: the group's billed revenue swings down sharply. Two measures, either fires:
--   group_revenue  the sum of its members' latest monthly bills, as listed each week, against the
--                  median of its prior weeks (weeks already flagged left out, so a lasting fall
--                  stays a fall) and beyond what every group's revenue did; leavers' bills drop
--                  out of the sum, so revenue lost to departures counts;
--   member_bills   the revenue scale of its members: at least $revenue_drop_min_members members,
--                  and a share graded by $revenue_drop_member_share_severity*, saw their own bill
--                  fall by $arpu_drop_drop_share_severity1 or more (as in arpu_drop).
insert into signal_rows by name
with history_weeks as (
    select week from stg_weeks where weeks_back between 1 and $baseline_lookback_weeks
),

flagged as (
    select week, group_id
    from group_signals
    where signal = 'revenue_drop' and week in (select week from history_weeks)
),

weekly_revenue as (
    select week, group_id, sum(bill_total_cny) as revenue_cny
    from member_week_features
    where week = $week or week in (select week from history_weeks)
    group by week, group_id
),

baseline_weeks as (
    select weekly_revenue.*
    from weekly_revenue
    anti join flagged on flagged.week = weekly_revenue.week and flagged.group_id = weekly_revenue.group_id
    where weekly_revenue.week < $week
    qualify row_number() over (partition by weekly_revenue.group_id order by weekly_revenue.week desc) <= $baseline_weeks
),

baseline as (
    select group_id, count(*) as weeks, median(revenue_cny) as baseline_revenue_cny
    from baseline_weeks
    group by group_id
),

judged as (
    select
        now.group_id,
        cast(now.revenue_cny as double) as revenue_cny,
        cast(baseline.baseline_revenue_cny as double) as baseline_revenue_cny,
        now.revenue_cny / baseline.baseline_revenue_cny as ratio
    from weekly_revenue as now
    join baseline on baseline.group_id = now.group_id
    where now.week = $week
      and baseline.weeks >= $baseline_min_weeks
      and baseline.baseline_revenue_cny >= $revenue_drop_min_baseline_revenue_cny
),

trend as (
    select case when count(*) >= $baseline_population_min_members then median(ratio) else 1.0 end as population_ratio
    from judged
),

revenue_measure as (
    select
        judged.*,
        trend.population_ratio,
        1 - ratio / nullif(trend.population_ratio, 0) as drop_share,
        severity_level(1 - ratio / nullif(trend.population_ratio, 0), $revenue_drop_group_drop_share_severity1,
                       $revenue_drop_group_drop_share_severity2, $revenue_drop_group_drop_share_severity3) as severity
    from judged
    cross join trend
),

member_measure as (
    select
        group_id,
        count(*) as billed_members,
        count(*) filter (where drop_share >= $arpu_drop_drop_share_severity1) as members_falling,
        case when count(*) filter (where drop_share >= $arpu_drop_drop_share_severity1) >= $revenue_drop_min_members
            then severity_level(count(*) filter (where drop_share >= $arpu_drop_drop_share_severity1) / count(*),
                                $revenue_drop_member_share_severity1, $revenue_drop_member_share_severity2,
                                $revenue_drop_member_share_severity3)
        end as severity
    from int_member_bills
    where has_history
    group by group_id
),

combined as (
    select
        int_group_sizes.group_id,
        revenue_measure.revenue_cny,
        revenue_measure.baseline_revenue_cny,
        revenue_measure.drop_share,
        revenue_measure.population_ratio,
        revenue_measure.severity as revenue_severity,
        member_measure.billed_members,
        member_measure.members_falling,
        member_measure.severity as members_severity
    from int_group_sizes
    left join revenue_measure on revenue_measure.group_id = int_group_sizes.group_id
    left join member_measure on member_measure.group_id = int_group_sizes.group_id
    where revenue_measure.severity is not null or member_measure.severity is not null
),

final as (
    select
        $week as week,
        group_id,
        null as msisdn,
        'revenue_drop' as signal,
        concat_ws(';', case when revenue_severity is not null then 'group_revenue' end,
                       case when members_severity is not null then 'member_bills' end) as model,
        greatest(revenue_severity, members_severity) as severity,
        baseline_revenue_cny as metric_baseline,
        revenue_cny as metric_now,
        revenue_cny / baseline_revenue_cny - 1 as metric_change,
        coalesce(members_falling, 0) as members_affected,
        json_object(
            'revenue_cny', round(revenue_cny, 2),
            'baseline_revenue_cny', round(baseline_revenue_cny, 2),
            'drop_share', round(drop_share, 3),
            'population_ratio', round(population_ratio, 3),
            'billed_members', billed_members,
            'members_bill_falling', members_falling,
            'member_drop_share', $arpu_drop_drop_share_severity1
        ) as detail
    from combined
)

select * from final
