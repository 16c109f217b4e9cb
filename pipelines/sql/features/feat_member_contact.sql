-- Reads:  raw_cdr, week $week only.
-- Writes: inserts the week $week into feat_member_contact. Grain: one row per member, other party
--         and its network (a number ported during the week has a row per network): the contact
--         ties, kept for every later week's scoring.
-- Why:    one of the two scans of the week's records (tens of millions of rows), the other being
--         feat_member_handset.sql. Two plain GROUP BYs, each computing only its own aggregates,
--         measured faster than one GROUP BY with both as grouping sets (2.5 s against 3.1-3.7 s
--         on 10 M rows) and they write straight into their tables. Days are 7-bit masks (bit 0 =
--         Monday), so "distinct days" survive any later roll-up with bit_or.
insert into feat_member_contact by name
with records as (
    select
        msisdn,
        record_type,
        other_party,
        other_network,
        duration_s,
        cast(1 << (isodow(start_time) - 1) as integer) as day_bit
    from raw_cdr
    where week = $week
),

final as (
    select
        $week as week,
        msisdn,
        other_party,
        other_network,
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
    group by msisdn, other_party, other_network
)

select * from final
