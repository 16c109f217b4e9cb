-- Reads:  raw_bundles, score_runs.
-- Returns: one row per loaded week: the fingerprint of its inputs now, what its scoring stored,
--          and whether it is stale.
-- Why:    staleness without any state shared with the loader: a week's results depend on the
--          configuration and on every loaded week up to it (history, billing, flags of earlier
--          weeks), so its fingerprint hashes the configuration hash and the checksums of all
--          loaded weeks <= it, in week order. A late older bundle changes the fingerprint of every
--          week after it; a week with no score_runs row, or another fingerprint, is stale.
with bundles as (
    select week, checksum from raw_bundles
),

chained as (
    select
        later.week,
        sha256($config_hash || '|' || string_agg(earlier.week || '=' || earlier.checksum, ',' order by earlier.week))
            as inputs_fingerprint
    from bundles as later
    join bundles as earlier on earlier.week <= later.week
    group by later.week
),

final as (
    select
        chained.week,
        chained.inputs_fingerprint,
        score_runs.inputs_fingerprint as scored_fingerprint,
        score_runs.config_hash as scored_config_hash,
        score_runs.scored_at,
        score_runs.week is null
            or score_runs.inputs_fingerprint <> chained.inputs_fingerprint
            or score_runs.config_hash <> $config_hash as is_stale
    from chained
    left join score_runs on score_runs.week = chained.week
)

select * from final order by week
