-- Reads:  raw_cdr, week $week only.
-- Writes: inserts the week $week into feat_member_handset. Grain: one row per member and handset
--         IMEI (null for records without one).
-- Why:    which handsets a member used which days, kept for every later week's scoring; a handset's
--         first and last day come from its day mask (timestamps are not aggregated: min/max over
--         them doubled the cost of this scan). See feat_member_contact.sql for why two scans.
insert into feat_member_handset by name
with records as (
    select
        msisdn,
        imei,
        cast(1 << (isodow(start_time) - 1) as integer) as day_bit
    from raw_cdr
    where week = $week
),

final as (
    select
        $week as week,
        msisdn,
        imei,
        cast(count(*) as integer) as records,
        bit_or(day_bit) as day_mask
    from records
    group by msisdn, imei
)

select * from final
