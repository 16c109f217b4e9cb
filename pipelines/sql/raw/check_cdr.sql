-- Checks one delivered cdr file against the extract contract (extract-contract.md, "cdr").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`) DuckDB could split into fields, typed as raw_cdr, with
--          `reject` = 'column|reason' for the first rule it breaks (null when it keeps all). Typed
--          values must have their plain shape as text (raw/value_shapes.sql) before the cast counts.
-- Why SQL: a 40 M-row week is checked in DuckDB's vectorised engine, never row by row in JS;
--          reasons name the rule, never the value (privacy.md).
with source as (
    select * from src($path, $delim)
),

typed as (
    select
        filename,
        record_id,
        msisdn,
        record_type,
        other_party,
        other_network,
        try_cast(start_time as timestamp) as start_time,
        try_cast(duration_s as integer) as duration_s,
        cell_id,
        imei,
        start_time as start_time_text,
        duration_s as duration_s_text
    from source
),

checked as (
    select
        *,
        case
            when record_id is null then 'record_id|required'
            when msisdn is null then 'msisdn|required'
            when not regexp_full_match(msisdn, '[0-9]{11}') then 'msisdn|not 11 digits'
            when record_type is null then 'record_type|required'
            when record_type not in ('MOC', 'MTC', 'SMS_MO', 'SMS_MT', 'CFW')
                then 'record_type|not one of MOC, MTC, SMS_MO, SMS_MT, CFW'
            when other_network not in ('CMCC', 'CU', 'CT', 'FIXED', 'INTL', 'UNKNOWN')
                then 'other_network|not one of CMCC, CU, CT, FIXED, INTL, UNKNOWN'
            when start_time_text is null then 'start_time|required'
            -- a cast plus a shape test is ~4x cheaper than strptime over 40 M rows
            when not is_timestamp_text(start_time_text)
                then 'start_time|not a timestamp YYYY-MM-DD HH:MM:SS'
            when start_time < $week_start or start_time >= $week_end
                then 'start_time|outside the bundle''s week'
            when duration_s_text is not null and (not is_count_text(duration_s_text) or duration_s < 0)
                then 'duration_s|not an integer >= 0'
            when not regexp_full_match(imei, '[0-9]{14,16}') then 'imei|not 14-16 digits'
        end as reject
    from typed
),

-- the columns listed, not `* exclude`: Spark runs this model too (pipelines/spark/toSparkSql.ts)
final as (
    select
        filename, record_id, msisdn, record_type, other_party, other_network, start_time, duration_s,
        cell_id, imei, reject
    from checked
)

select * from final
