-- Reads:  raw_cdr, week $week only.
-- Writes: temp table feat_week_rollup. Grain: one row per member, other party and its network
--         (kind 'contact'), and one per member and handset IMEI (kind 'handset').
-- Why:    the only scan of the week's records (tens of millions of rows): one GROUP BY with two
--         grouping sets and conditional aggregates, so DuckDB reads the records once and builds
--         both roll-ups side by side. Days are 7-bit masks (bit 0 = Monday), so "distinct days"
--         survive any later roll-up with bit_or and give a handset's first and last day
--         (timestamps are not aggregated: min/max over them doubled the cost of this scan).
create or replace temp table feat_week_rollup as
with records as (
    select
        msisdn,
        record_type,
        other_party,
        other_network,
        duration_s,
        imei,
        cast(1 << (isodow(start_time) - 1) as integer) as day_bit
    from raw_cdr
    where week = $week
),

final as (
    select
        case when grouping(imei) = 1 then 'contact' else 'handset' end as kind,
        msisdn,
        other_party,
        other_network,
        imei,
        cast(count(*) as integer) as records,
        cast(count(*) filter (where record_type = 'MOC') as integer) as calls_out,
        coalesce(sum(duration_s) filter (where record_type = 'MOC'), 0) as seconds_out,
        cast(count(*) filter (where record_type = 'MTC') as integer) as calls_in,
        coalesce(sum(duration_s) filter (where record_type = 'MTC'), 0) as seconds_in,
        cast(count(*) filter (where record_type = 'SMS_MO') as integer) as sms_out,
        cast(count(*) filter (where record_type = 'SMS_MT') as integer) as sms_in,
        cast(count(*) filter (where record_type = 'CFW') as integer) as fwd_calls,
        bit_or(day_bit) as day_mask,
        coalesce(bit_or(day_bit) filter (where record_type = 'MOC'), 0) as out_day_mask,
        coalesce(bit_or(day_bit) filter (where record_type = 'CFW'), 0) as fwd_day_mask
    from records
    group by grouping sets ((msisdn, other_party, other_network), (msisdn, imei))
)

select * from final
