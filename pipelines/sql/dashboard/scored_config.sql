-- Reads:  score_runs (bookkeeping).
-- Grain:  at most one row: the latest scored week.
-- Why:    the dashboard shows the configuration the warehouse was scored with, as stored beside
--         the scores, never a file or environment of the machine that builds the site. `config`
--         is null for weeks scored before score_runs kept it.
with
latest as (
    select week, config_hash, config
    from score_runs
    order by week desc
    limit 1
),

final as (
    select week, config_hash, config::varchar as config
    from latest
)

select * from final
