-- The delivery of week $week now in the warehouse and the load that put it there (rows and rejects
-- per file, from load_runs). Grain: at most one row (the latest loaded/replaced run of that checksum).
with
delivery as (
    select week, checksum, generated_at from raw_bundles where week = $week
),
loads as (
    select l.bundle, l.week, l.checksum, l.outcome, l.report::varchar as report, l.started_at
    from load_runs l
    join delivery d on d.week = l.week and d.checksum = l.checksum
    where l.outcome in ('loaded', 'replaced')
),
final as (
    select bundle, week, checksum, outcome, report
    from loads
    qualify row_number() over (order by started_at desc, bundle) = 1
)
select * from final
