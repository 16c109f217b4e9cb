-- Reads:  feat_week_rollup (handset rows).
-- Writes: inserts the week $week into feat_member_handset. Grain: one row per member and handset.
-- Why:    which handsets a member used which days, kept for every later week's scoring.
insert into feat_member_handset by name
with handsets as (
    select * from feat_week_rollup where kind = 'handset'
),

final as (
    select $week as week, msisdn, imei, records, day_mask
    from handsets
)

select * from final
