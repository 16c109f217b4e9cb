-- Reads:  raw_bundles, feature_weeks.
-- Writes: deletes from raw_cdr the weeks older than the newest loaded week's $retention_weeks.
-- Why:    scoring reads only the stored features, so raw records past the retention are dead
--         weight; a week is pruned only once its features are stored.
delete from raw_cdr
where week in (
    select week from feature_weeks
    where week < (
        select week from (
            select week, row_number() over (order by week desc) as newest
            from raw_bundles
        )
        where newest = $retention_weeks
    )
)
