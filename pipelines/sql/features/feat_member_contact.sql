-- Reads:  feat_week_rollup (contact rows).
-- Writes: inserts the week $week into feat_member_contact. Grain: one row per member, other party
--         and network. Why: the contact ties, kept for every later week's scoring.
insert into feat_member_contact by name
with contacts as (
    select * from feat_week_rollup where kind = 'contact'
),

final as (
    select
        $week as week, msisdn, other_party, other_network, calls_out, seconds_out, calls_in, seconds_in,
        sms_out, sms_in, fwd_calls, day_mask, out_day_mask, fwd_day_mask
    from contacts
)

select * from final
