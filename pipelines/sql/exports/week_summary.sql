-- The counts run_report.json gives for week $week (no personal value).
-- Grain: one row per (section, name): rows per warehouse table for the week ('table'), members
-- flagged per signal ('member_signal'), groups flagged per signal ('group_signal'), groups per tier ('tier').
with
table_rows as (
    select 'table' as section, 'raw_groups' as name, count(*) as n from raw_groups where week = $week
    union all select 'table', 'raw_managers', count(*) from raw_managers where week = $week
    union all select 'table', 'raw_members', count(*) from raw_members where week = $week
    union all select 'table', 'raw_cdr', count(*) from raw_cdr where week = $week
    union all select 'table', 'raw_billing', count(*) from raw_billing where week = $week
    union all select 'table', 'raw_tac', count(*) from raw_tac where week = $week
    union all select 'table', 'raw_rejects', count(*) from raw_rejects where week = $week
    union all select 'table', 'member_signals', count(*) from member_signals where week = $week
    union all select 'table', 'group_signals', count(*) from group_signals where week = $week
    union all select 'table', 'group_scores', count(*) from group_scores where week = $week
),
member_signal_counts as (
    select 'member_signal' as section, signal as name, count(distinct msisdn) as n
    from member_signals where week = $week group by signal
),
group_signal_counts as (
    select 'group_signal' as section, signal as name, count(distinct group_id) as n
    from group_signals where week = $week group by signal
),
tier_counts as (
    select 'tier' as section, tier as name, count(*) as n
    from group_scores where week = $week group by tier
),
all_counts as (
    select * from table_rows
    union all select * from member_signal_counts
    union all select * from group_signal_counts
    union all select * from tier_counts
),
final as (
    -- double: the Node client returns bigint as a string
    select section, name, n::double as n from all_counts
)
select * from final
order by section, name
