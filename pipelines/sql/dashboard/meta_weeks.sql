-- The scored weeks (score_runs), oldest first, with the configuration each was scored with.
select week, config_hash, strftime(scored_at, '%Y-%m-%d %H:%M') as scored_at
from score_runs
order by week
