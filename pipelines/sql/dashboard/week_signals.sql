-- Reads:  pub_group_signal, pub_group_week.
-- Grain:  one row per week, branch and signal.
-- Why:    the overview's heat map and signal counts: the groups a signal fired in (and how many of
--         them are medium/high) and the members it touched.
with
signals as (
    select week, group_id, signal, members_affected from pub_group_signal
),

groups as (
    select week, group_id, coalesce(branch, '(未填)') as branch, tier from pub_group_week
),

final as (
    select
        signals.week, groups.branch, signals.signal,
        count(*)::integer as groups,
        (count(*) filter (where groups.tier in ('high', 'medium')))::integer as groups_at_risk,
        sum(signals.members_affected)::integer as members
    from signals
    join groups on groups.week = signals.week and groups.group_id = signals.group_id
    group by all
)

select * from final
order by week, branch, signal
