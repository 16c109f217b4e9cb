-- Reads:  raw_cdr.
-- Writes: temp view stg_cdr. Grain: one row per usage record, every loaded week.
-- Why:    names and units for the records; a view, not a table, because a week holds tens of
--         millions of rows: int_cdr_week_pairs filters it on the scored week and DuckDB pushes
--         that filter into the scan of raw_cdr.
create or replace temp view stg_cdr as
with final as (
    select
        week,
        msisdn,
        record_type,
        other_party,
        other_network,
        start_time as started_at,
        duration_s,
        imei
    from raw_cdr
)

select * from final
