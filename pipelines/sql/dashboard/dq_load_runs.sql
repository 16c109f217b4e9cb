-- Every load attempt, newest first (the loader's messages name files and reasons, never values).
select strftime(started_at, '%Y-%m-%d %H:%M:%S') as started_at, bundle, week, outcome,
       regexp_replace(coalesce(message, ''), '[0-9]{7,}', '…', 'g') as message, duration_ms
from load_runs
order by started_at desc
