-- Signal quality: the latest backtest run, which the backtest_results/gains/weeks tables hold.
select run_id, strftime(run_at, '%Y-%m-%d %H:%M') as run_at, from_week, to_week, horizon_weeks,
       weeks_evaluated, weeks_complete, weeks_incomplete, config_hash, scores_config_hashes
from backtest_runs
order by run_at desc
limit 1
