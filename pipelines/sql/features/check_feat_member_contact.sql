-- Checks the contact ties a feature bundle delivers (Parquet files $paths) for week $week.
-- Returns: one row per broken row, its file, row number (1 = first) and the first rule it breaks
--          as 'column|reason'. Grain: one row per refused row; none when the files are sound.
-- Why:     features come from another engine (Spark): a loader trusts no file it did not compute,
--          and a broken row fails the whole bundle (a machine wrote it: the job is wrong, not one record).
with delivered as (
    select *, file_row_number + 1 as row_number
    from read_parquet($paths, filename = true, file_row_number = true)
),

-- a hash aggregate, not a window: on a city week's millions of rows it is several times cheaper
duplicate_keys as (
    select msisdn, other_party, other_network from delivered group by msisdn, other_party, other_network having count(*) > 1
),

keyed as (
    select delivered.*, d.msisdn is not null as repeated_key
    from delivered left join duplicate_keys d on d.msisdn is not distinct from delivered.msisdn and d.other_party is not distinct from delivered.other_party and d.other_network is not distinct from delivered.other_network
),

checked as (
    select
        filename,
        row_number,
        case
            when week is distinct from $week then 'week|not the bundle''s week'
            when msisdn is null or not regexp_full_match(msisdn, '[0-9]{11}') then 'msisdn|not 11 digits'
            when other_network not in ('CMCC', 'CU', 'CT', 'FIXED', 'INTL', 'UNKNOWN')
                then 'other_network|not one of CMCC, CU, CT, FIXED, INTL, UNKNOWN'
            when repeated_key then 'msisdn+other_party+other_network|duplicate key'
            when coalesce(least(calls_out, seconds_out, calls_in, seconds_in, sms_out, sms_in, fwd_calls) < 0, true)
                then 'calls_out..fwd_calls|a count missing or below 0'
            when day_mask is null or day_mask not between 1 and 127 then 'day_mask|not a mask of 1-7 days'
            when out_day_mask is null or (out_day_mask & ~day_mask) <> 0 or out_day_mask < 0
                then 'out_day_mask|not days of day_mask'
            when fwd_day_mask is null or (fwd_day_mask & ~day_mask) <> 0 or fwd_day_mask < 0
                then 'fwd_day_mask|not days of day_mask'
        end as reject
    from keyed
),

final as (
    select filename, row_number, reject from checked where reject is not null
)

select * from final
