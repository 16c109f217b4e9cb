-- Reads:  feat_member_contact of week $week (the contact ties, stored when the bundle was loaded).
-- Writes: inserts the week $week into member_contact_week. Grain: one row per member, other
--         party, its network and week (a number ported during the week has a row per network),
--         for the member's $contacts_kept_per_member most frequent contacts and every number the
--         member's calls were forwarded to.
-- Why:    the call graph, kept per week: the circle and affinity models read a member's usual
--         contacts from earlier weeks here, and the dashboard reads usage trends. Rarer contacts
--         are not kept: they never reach a member's top contacts and would multiply the table.
--         Ranking every contact (12 M a city week) was half of a city week's scoring. Calls are
--         the first sort key, so a contact with fewer calls than the member's top
--         $contacts_kept_per_member have is ranked below them all: only the contacts at or above
--         that cut are ranked (a quarter of them), and a forwarding target below it is ranked
--         among all its member's contacts (a few hundred members a city week). The ranks are
--         exactly those of ranking everything (5.7-5.9 s against 7.3-8.4 s in a city week's scoring).
insert into member_contact_week by name
with contacts as (
    select *, calls_out + calls_in as calls
    from feat_member_contact
    where week = $week and other_party is not null
),

call_counts as (
    select msisdn, calls, count(*) as contacts
    from contacts
    group by msisdn, calls
),

-- the most calls a member's top contacts all reach: null when the member has fewer contacts
cuts as (
    select msisdn, max(calls) filter (where contacts_with_at_least >= $contacts_kept_per_member) as cut_calls
    from (
        select msisdn, calls, sum(contacts) over (partition by msisdn order by calls desc) as contacts_with_at_least
        from call_counts
    )
    group by msisdn
),

ranked_above as (
    select
        contacts.*,
        row_number() over (
            partition by contacts.msisdn
            order by calls desc, sms_out + sms_in desc, seconds_out + seconds_in desc, other_party, other_network
        ) as contact_rank
    from contacts
    join cuts on cuts.msisdn = contacts.msisdn
    where contacts.calls >= coalesce(cuts.cut_calls, 0)
),

forwarded_below as (
    select contacts.msisdn, contacts.other_party, contacts.other_network
    from contacts
    join cuts on cuts.msisdn = contacts.msisdn
    where contacts.fwd_calls > 0 and contacts.calls < cuts.cut_calls
),

ranked_below as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by msisdn
                order by calls desc, sms_out + sms_in desc, seconds_out + seconds_in desc, other_party, other_network
            ) as contact_rank
        from contacts
        semi join forwarded_below on forwarded_below.msisdn = contacts.msisdn
    )
    semi join forwarded_below using (msisdn, other_party, other_network)
),

ranked as (
    select * from ranked_above where contact_rank <= $contacts_kept_per_member or fwd_calls > 0
    union all
    select * from ranked_below
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
)

select * from final
