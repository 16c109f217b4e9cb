-- Reads:  feat_member_contact of week $week (the contact ties, stored when the bundle was loaded).
-- Writes: inserts the week $week into member_contact_week. Grain: one row per member, other
--         party, its network and week (a number ported during the week has a row per network),
--         for the member's $contacts_kept_per_member most frequent contacts and every number the
--         member's calls were forwarded to.
-- Why:    the call graph, kept per week: the circle and affinity models read a member's usual
--         contacts from earlier weeks here, and the dashboard reads usage trends. Rarer contacts
--         are not kept: they never reach a member's top contacts and would multiply the table.
insert into member_contact_week by name
with contacts as (
    select * from feat_member_contact where week = $week and other_party is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by msisdn
            order by calls_out + calls_in desc, sms_out + sms_in desc, seconds_out + seconds_in desc, other_party, other_network
        ) as contact_rank
    from contacts
),

final as (
    select
        week,
        msisdn,
        other_party,
        other_network,
        calls_out,
        calls_in,
        (seconds_out + seconds_in) / 60.0 as minutes,
        sms_out + sms_in as sms,
        fwd_calls,
        bit_count(day_mask) as active_days,
        contact_rank,
        $config_hash as config_hash
    from ranked
    where contact_rank <= $contacts_kept_per_member or fwd_calls > 0
)

select * from final
