-- Reads:  score_runs (bookkeeping).
-- Grain:  one row per scored week.
-- Why:    when each week was scored (stored in Beijing time: pipelines/score/weekContext.ts), how
--         long it took and with which configuration.
select week, strftime(scored_at, '%Y-%m-%d %H:%M:%S') as scored_at, duration_ms, config_hash
from score_runs
order by week
