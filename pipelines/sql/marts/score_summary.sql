-- Reads:  member_signals, group_signals, group_scores of the week $week, int_member_baselines,
--         int_member_bills, int_population_trend, stg_weeks.
-- Returns: one row: the week's counts (members and groups per signal, groups per tier), the
--          population trend, and plain notes on what could not be judged and why.
-- Why:    the run report of score_runs: an analyst must see that a week lacking history says so
--          ("mou_drop: 120 members lack 2 weeks of history") instead of reading silence as calm.
with member_counts as (
    -- keys in a fixed order (json_group_object keeps the order rows arrive in, which varies)
    select coalesce(to_json(map_from_entries(list({'k': signal, 'v': members} order by signal))), '{}') as counts
    from (select signal, count(*) as members from member_signals where week = $week group by signal)
),

group_counts as (
    select coalesce(to_json(map_from_entries(list({'k': signal, 'v': groups} order by signal))), '{}') as counts
    from (select signal, count(*) as groups from group_signals where week = $week group by signal)
),

tier_counts as (
    select coalesce(to_json(map_from_entries(list({'k': tier, 'v': groups} order by tier))), '{}') as counts
    from (select tier, count(*) as groups from group_scores where week = $week group by tier)
),

usage_coverage as (
    select
        count(*) filter (where active_all_week) as judged_or_not,
        count(*) filter (where active_all_week and not has_history) as lacking_history,
        count(*) filter (where partial_week) as partial_week
    from int_member_baselines
),

bill_coverage as (
    select
        count(*) filter (where status = 'active' and baseline_months < $arpu_drop_min_months) as lacking_months,
        any_value(bill_month) as bill_month
    from int_member_bills
),

earlier_weeks as (
    select count(*) filter (where weeks_back between 1 and $baseline_lookback_weeks) as loaded
    from stg_weeks
),

notes as (
    -- in the order written here (a union's rows come in no fixed order)
    select list(note order by place) filter (where note is not null) as notes
    from (
        select 1 as place, case when usage_coverage.lacking_history > 0 then format(
            'zero_outgoing, mou_drop, batch_forwarding, dual_phone: {} members lack {} weeks of history (not judged on usage)',
            usage_coverage.lacking_history, $baseline_min_weeks) end as note
        from usage_coverage
        union all
        select 2, case when usage_coverage.partial_week > 0 then format(
            'usage signals: {} members joined or changed status during the week (partial week, not judged)',
            usage_coverage.partial_week) end
        from usage_coverage
        union all
        select 3, case when earlier_weeks.loaded < $baseline_min_weeks then format(
            'revenue_drop, mou_drop (group): only {} earlier weeks loaded, {} needed for a baseline',
            earlier_weeks.loaded, $baseline_min_weeks) end
        from earlier_weeks
        union all
        select 4, case
            when bill_coverage.bill_month is null then 'arpu_drop: no bill delivered yet'
            when bill_coverage.lacking_months > 0 then format(
                'arpu_drop: {} members lack {} months of bills before {}',
                bill_coverage.lacking_months, $arpu_drop_min_months, bill_coverage.bill_month)
        end
        from bill_coverage
        union all
        select 5, case when int_population_trend.minutes_members < $baseline_population_min_members then format(
            'population trend: only {} members with history ({} needed), usage judged without it',
            int_population_trend.minutes_members, $baseline_population_min_members) end
        from int_population_trend
    )
),

final as (
    select
        member_counts.counts as member_signals,
        group_counts.counts as group_signals,
        tier_counts.counts as tiers,
        json_object(
            'minutes_ratio', round(int_population_trend.minutes_ratio, 3),
            'minutes_members', int_population_trend.minutes_members,
            'calls_ratio', round(int_population_trend.calls_ratio, 3),
            'calls_z_spread', round(int_population_trend.calls_z_spread, 3),
            'outgoing_ratio', round(int_population_trend.outgoing_ratio, 3),
            'outgoing_members', int_population_trend.outgoing_members
        ) as population_trend,
        coalesce(notes.notes, []) as notes
    from member_counts, group_counts, tier_counts, int_population_trend, notes
)

select * from final
