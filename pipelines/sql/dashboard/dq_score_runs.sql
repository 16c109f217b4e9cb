-- How long each week's scoring took.
select week, strftime(scored_at, '%Y-%m-%d %H:%M') as scored_at, duration_ms, config_hash
from score_runs
order by week
