-- Checks the handsets a feature bundle delivers (Parquet files $paths) for week $week.
-- Returns: one row per broken row, its file, row number (1 = first) and the first rule it breaks
--          as 'column|reason'. Grain: one row per refused row; none when the files are sound.
-- Why:     as check_feat_member_contact.sql: a broken row fails the whole bundle.
with delivered as (
    select *, file_row_number + 1 as row_number
    from read_parquet($paths, filename = true, file_row_number = true)
),

-- a hash aggregate, not a window: on a city week's millions of rows it is several times cheaper
duplicate_keys as (
    select msisdn, imei from delivered group by msisdn, imei having count(*) > 1
),

keyed as (
    select delivered.*, d.msisdn is not null as repeated_key
    from delivered left join duplicate_keys d on d.msisdn is not distinct from delivered.msisdn and d.imei is not distinct from delivered.imei
),

checked as (
    select
        filename,
        row_number,
        case
            when week is distinct from $week then 'week|not the bundle''s week'
            when msisdn is null or not regexp_full_match(msisdn, '[0-9]{11}') then 'msisdn|not 11 digits'
            when not regexp_full_match(imei, '[0-9]{14,16}') then 'imei|not 14-16 digits'
            when repeated_key then 'msisdn+imei|duplicate key'
            when records is null or records < 1 then 'records|not a count of 1 or more'
            when day_mask is null or day_mask not between 1 and 127 then 'day_mask|not a mask of 1-7 days'
        end as reject
    from keyed
),

final as (
    select filename, row_number, reject from checked where reject is not null
)

select * from final
