-- Reads:  load_runs (bookkeeping).
-- Grain:  one row per load attempt, newest first.
-- Why:    the audit trail. The loader's messages name files and reasons, never values; a run of
--         7+ digits is masked all the same. started_at is stored in UTC and shown in Beijing time.
with
runs as (
    select * from load_runs
),

final as (
    select
        strftime(timezone('Asia/Shanghai', timezone('UTC', started_at)), '%Y-%m-%d %H:%M:%S') as started_at,
        bundle, week, outcome,
        regexp_replace(coalesce(message, ''), '[0-9]{7,}', '…', 'g') as message,
        duration_ms,
        started_at as sort_time
    from runs
)

select * exclude (sort_time) from final
order by sort_time desc
