-- Reads:  parameters only.
-- Writes: inserts the week $week into score_runs. Grain: one row per week currently scored.
-- Why:    the record that the week's results are current: configuration hash and inputs
--         fingerprint (compared by week_status.sql), when, how long, and the run report.
insert into score_runs by name
with final as (
    select
        $week as week,
        $config_hash as config_hash,
        $inputs_fingerprint as inputs_fingerprint,
        cast($scored_at as timestamp) as scored_at,
        cast($duration_ms as bigint) as duration_ms,
        cast($report as json) as report
)

select * from final
