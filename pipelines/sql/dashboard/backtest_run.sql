-- Reads:  backtest_runs (bookkeeping).
-- Grain:  at most one row: the latest backtest run, whose figures backtest_results/gains/weeks hold.
-- Why:    Signal quality says which run it shows. The latest is chosen by its exact time (two runs
--         in the same minute must not be told apart by a minute-truncated text), then by insertion
--         order. run_at is Beijing time as stored (runBacktest.ts); shown to the second.
with
runs as (
    select *, rowid as inserted from backtest_runs
),

final as (
    select
        run_id, strftime(run_at, '%Y-%m-%d %H:%M:%S') as run_at, from_week, to_week, horizon_weeks,
        weeks_evaluated, weeks_complete, weeks_incomplete, config_hash, scores_config_hashes
    from runs
    order by runs.run_at desc, runs.inserted desc
    limit 1
)

select * from final
