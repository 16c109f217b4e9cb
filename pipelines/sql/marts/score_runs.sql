-- Reads:  parameters only.
-- Writes: inserts the week $week into score_runs. Grain: one row per week currently scored.
-- Why:    the record that the week's results are current: configuration hash and inputs
--         fingerprint (compared by week_status.sql), when, how long, the run report, and the
--         configuration it was scored with (which the dashboard shows, never today's file).
insert into score_runs by name
with final as (
    select
        $week as week,
        $config_hash as config_hash,
        $inputs_fingerprint as inputs_fingerprint,
        cast($scored_at as timestamp) as scored_at,
        cast($duration_ms as bigint) as duration_ms,
        cast($report as json) as report,
        cast($config as json) as config
)

select * from final
