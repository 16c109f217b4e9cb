-- The counts run_report.json gives for week $week (no personal value).
-- Grain: one row per (section, name): rows per warehouse table for the week ('table': the rows the
-- delivery loaded, as raw_bundles booked them, its rejects, and the published results), members
-- flagged per signal ('member_signal'), groups flagged per signal ('group_signal'), groups per tier ('tier').
with
loaded_rows as (
    select 'table' as section, 'raw_' || t.key as name, cast(t.value as bigint) as n
    from raw_bundles b, json_each(b.rows_by_table) t
    where b.week = $week
),
table_rows as (
    select * from loaded_rows
    union all select 'table', 'raw_rejects', count(*) from raw_rejects where week = $week
    union all select 'table', 'member_signals', count(*) from pub_member_signal where week = $week
    union all select 'table', 'group_signals', count(*) from pub_group_signal where week = $week
    union all select 'table', 'group_scores', count(*) from pub_group_week where week = $week
),
member_signal_counts as (
    select 'member_signal' as section, signal as name, count(distinct msisdn) as n
    from pub_member_signal where week = $week group by signal
),
group_signal_counts as (
    select 'group_signal' as section, signal as name, count(distinct group_id) as n
    from pub_group_signal where week = $week group by signal
),
tier_counts as (
    select 'tier' as section, tier as name, count(*) as n
    from pub_group_week where week = $week group by tier
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
