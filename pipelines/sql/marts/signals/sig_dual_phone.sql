-- Reads:  int_member_baselines, int_member_baseline_weeks, int_member_handsets,
--         int_population_trend, member_contact_week, member_week_features, stg_weeks.
-- Writes: inserts into signal_rows. Grain: one row per member flagged dual_phone (双机客户);
--         `model` lists the models that fired, ';'-separated sorted.
-- Why:    the member probably holds a second line on a competitor. Four models, any one fires:
--   forwarding  calls forwarded to CU/CT numbers, at least $dual_phone_forwarding_min_calls on
--               $dual_phone_forwarding_min_days days this week;
--   handset     the handset can hold a competitor SIM (dual-SIM, or CDMA2000 for CT), appeared
--               within $dual_phone_handset_lookback_weeks weeks replacing another, AND the member's
--               minutes fell by $dual_phone_handset_usage_drop_share since, beyond what the
--               typical member did between the weeks before it and this one (int_member_handsets),
--               and calls fell by $dual_phone_handset_significance_z standard deviations (below
--               $significance_z: only the few members with such a new handset are judged, and a
--               typical member whose usage halves must be caught): nearly every phone is
--               dual-SIM, the handset alone proves nothing;
--   affinity    one CU/CT number takes $dual_phone_affinity_dominance_share of the member's calls,
--               or the CU/CT share of calls rose by $dual_phone_affinity_share_jump; either way
--               significantly more calls than its baseline share predicts (poisson_z): in a
--               Zipf-shaped circle a competitor number is often the top contact anyway. Numbers
--               that were the member's CMCC contacts in the baseline and have ported are left to
--               the circle model: they are the same evidence;
--   circle      of the member's top $dual_phone_circle_top_contacts CMCC contacts over the
--               baseline, $dual_phone_circle_min_moved (and $dual_phone_circle_min_moved_share)
--               have since ported out or left (their own status as members), or show a CU/CT
--               network in the member's calls this week.
-- Severity: the number of models (forwarding, the direct evidence, counts twice), at most 3.
insert into signal_rows by name
with members as (
    select * from int_member_baselines
),

-- the member's contacts in the baseline weeks (read by week, so only those weeks are scanned);
-- three models read it, so it is built once
baseline_contacts as materialized (
    select contacts.*, baseline_weeks.group_id
    from member_contact_week as contacts
    join int_member_baseline_weeks as baseline_weeks
        on baseline_weeks.week = contacts.week and baseline_weeks.msisdn = contacts.msisdn
    where contacts.week in (select week from stg_weeks where weeks_back between 1 and $baseline_lookback_weeks)
),

forwarding as (
    select
        group_id,
        msisdn,
        'forwarding' as model,
        json_object('calls', fwd_calls_competitor, 'days', fwd_days_competitor,
                    'numbers', fwd_targets_competitor) as evidence
    from members
    where active_all_week
      and fwd_calls_competitor >= $dual_phone_forwarding_min_calls
      and fwd_days_competitor >= $dual_phone_forwarding_min_days
),

handset_judged as (
    select
        int_member_handsets.*,
        1 - minutes_now / minutes_before / nullif(population_minutes_ratio, 0) as drop_share,
        poisson_z(calls_before * population_calls_ratio, calls_now, weeks_before) / int_population_trend.calls_z_spread as calls_z
    from int_member_handsets
    cross join int_population_trend
    where active_all_week
      and (is_dual_sim or is_cdma2000)
      and previous_imei is not null
      and new_weeks_back < $dual_phone_handset_lookback_weeks
      and weeks_before >= $baseline_min_weeks
      and minutes_before >= $mou_drop_min_baseline_minutes
),

handset as (
    select
        group_id,
        msisdn,
        'handset' as model,
        json_object('since_week', new_since_week, 'dual_sim', is_dual_sim, 'cdma2000', is_cdma2000,
                    'minutes_before', round(minutes_before, 1), 'minutes_now', round(minutes_now, 1),
                    'drop_share', round(drop_share, 3)) as evidence
    from handset_judged
    where drop_share >= $dual_phone_handset_usage_drop_share and calls_z >= $dual_phone_handset_significance_z
),

competitor_contacts as (
    select msisdn, other_party, other_network, calls_out + calls_in as calls
    from member_contact_week
    where week = $week and other_network in ('CU', 'CT')
),

-- this week's competitor numbers that were the member's CMCC contacts in the baseline
ported_contacts as (
    select distinct competitor_contacts.msisdn, competitor_contacts.other_party, competitor_contacts.calls
    from competitor_contacts
    semi join baseline_contacts
        on baseline_contacts.msisdn = competitor_contacts.msisdn
       and baseline_contacts.other_party = competitor_contacts.other_party
       and baseline_contacts.other_network = 'CMCC'
),

ported_calls as (
    select msisdn, sum(calls) as calls from ported_contacts group by msisdn
),

top_competitor_contact as (
    select competitor_contacts.*
    from competitor_contacts
    anti join ported_contacts
        on ported_contacts.msisdn = competitor_contacts.msisdn and ported_contacts.other_party = competitor_contacts.other_party
    qualify row_number() over (partition by competitor_contacts.msisdn order by competitor_contacts.calls desc, competitor_contacts.other_party) = 1
),

top_contact_in_baseline as (
    select baseline_contacts.group_id, baseline_contacts.msisdn, sum(baseline_contacts.calls_out + baseline_contacts.calls_in) as calls
    from baseline_contacts
    join top_competitor_contact as top_contact
        on top_contact.msisdn = baseline_contacts.msisdn and top_contact.other_party = baseline_contacts.other_party
    group by baseline_contacts.group_id, baseline_contacts.msisdn
),

affinity_shares as (
    select
        members.group_id,
        members.msisdn,
        members.calls_out + members.calls_in as calls,
        members.baseline_weeks,
        members.calls_cu + members.calls_ct - coalesce(ported_calls.calls, 0) as competitor_calls,
        top_contact.other_network,
        coalesce(top_contact.calls, 0) as top_calls,
        coalesce(top_contact.calls, 0) / (members.calls_out + members.calls_in) as top_share,
        coalesce(coalesce(top_contact_in_baseline.calls, 0) / nullif(members.baseline_calls_total, 0), 0) as top_share_baseline,
        (members.calls_cu + members.calls_ct - coalesce(ported_calls.calls, 0)) / (members.calls_out + members.calls_in)
            as share_calls_competitor,
        coalesce(members.baseline_share_calls_competitor, 0) as baseline_share_calls_competitor
    from members
    left join top_competitor_contact as top_contact on top_contact.msisdn = members.msisdn
    left join ported_calls on ported_calls.msisdn = members.msisdn
    left join top_contact_in_baseline
        on top_contact_in_baseline.group_id = members.group_id and top_contact_in_baseline.msisdn = members.msisdn
    where members.has_history
      and members.calls_out + members.calls_in >= $dual_phone_affinity_min_calls
),

-- poisson_z measures how far below expectation; a rise is its negation
affinity_judged as (
    select
        *,
        -poisson_z(top_share_baseline * calls, top_calls, baseline_weeks) as top_z,
        -poisson_z(baseline_share_calls_competitor * calls, competitor_calls, baseline_weeks) as competitor_z
    from affinity_shares
),

affinity as (
    select
        group_id,
        msisdn,
        'affinity' as model,
        json_object('network', other_network, 'top_number_share', round(top_share, 3),
                    'top_number_share_baseline', round(top_share_baseline, 3),
                    'competitor_share', round(share_calls_competitor, 3),
                    'competitor_share_baseline', round(baseline_share_calls_competitor, 3)) as evidence
    from affinity_judged
    where (top_share >= $dual_phone_affinity_dominance_share and top_z >= $significance_z)
       or (share_calls_competitor - baseline_share_calls_competitor >= $dual_phone_affinity_share_jump
           and competitor_z >= $significance_z)
),

-- the member's circle: most-called CMCC contacts over all the baseline weeks together (a light
-- caller's weekly top contacts shuffle by chance)
circle_contacts as (
    select group_id, msisdn, other_party, sum(calls_out + calls_in) as calls
    from baseline_contacts
    where other_network = 'CMCC'
    group by group_id, msisdn, other_party
    having sum(calls_out + calls_in) >= $dual_phone_circle_min_contact_calls
    qualify row_number() over (partition by group_id, msisdn order by calls desc, other_party) <= $dual_phone_circle_top_contacts
),

circle_members as (
    select circle_contacts.*, members.baseline_to
    from circle_contacts
    join members
        on members.group_id = circle_contacts.group_id and members.msisdn = circle_contacts.msisdn
    where members.has_history
),

-- contacts that are (or were) members somewhere: left since the baseline, or colleagues
contact_as_member as (
    select
        circle_members.group_id,
        circle_members.msisdn,
        circle_members.other_party,
        bool_or(features.week > circle_members.baseline_to
                and features.status in ('ported_out', 'closed', 'left_group')) as left_since,
        bool_or(features.group_id = circle_members.group_id) as is_colleague
    from circle_members
    join member_week_features as features
        on features.msisdn = circle_members.other_party and features.week <= $week
    group by circle_members.group_id, circle_members.msisdn, circle_members.other_party
),

contact_on_competitor as (
    select distinct circle_members.group_id, circle_members.msisdn, circle_members.other_party
    from circle_members
    join member_contact_week as contacts
        on contacts.week = $week
       and contacts.msisdn = circle_members.msisdn
       and contacts.other_party = circle_members.other_party
    where contacts.other_network in ('CU', 'CT')
),

circle_judged as (
    select
        circle_members.group_id,
        circle_members.msisdn,
        count(*) as top_contacts,
        count(*) filter (where coalesce(contact_as_member.left_since, false)
                            or contact_on_competitor.other_party is not null) as moved,
        count(*) filter (where (coalesce(contact_as_member.left_since, false)
                                or contact_on_competitor.other_party is not null)
                           and coalesce(contact_as_member.is_colleague, false)) as moved_colleagues
    from circle_members
    left join contact_as_member
        on contact_as_member.group_id = circle_members.group_id
       and contact_as_member.msisdn = circle_members.msisdn
       and contact_as_member.other_party = circle_members.other_party
    left join contact_on_competitor
        on contact_on_competitor.group_id = circle_members.group_id
       and contact_on_competitor.msisdn = circle_members.msisdn
       and contact_on_competitor.other_party = circle_members.other_party
    group by circle_members.group_id, circle_members.msisdn
),

circle as (
    select
        group_id,
        msisdn,
        'circle' as model,
        json_object('top_contacts', top_contacts, 'moved', moved, 'moved_colleagues', moved_colleagues) as evidence
    from circle_judged
    where moved >= $dual_phone_circle_min_moved
      and moved / top_contacts >= $dual_phone_circle_min_moved_share
),

fired as (
    select * from forwarding
    union all select * from handset
    union all select * from affinity
    union all select * from circle
),

per_member as (
    select
        group_id,
        msisdn,
        string_agg(model, ';' order by model) as models,
        count(*) as models_fired,
        bool_or(model = 'forwarding') as forwarding_fired,
        -- keyed by model in model order (json_group_object keeps the order rows arrive in, which varies)
        to_json(map_from_entries(list({'k': model, 'v': evidence} order by model))) as evidence
    from fired
    group by group_id, msisdn
),

final as (
    select
        $week as week,
        group_id,
        msisdn,
        'dual_phone' as signal,
        models as model,
        least(3, models_fired + case when forwarding_fired then 1 else 0 end) as severity,
        null as metric_baseline,
        models_fired as metric_now,
        null as metric_change,
        null as members_affected,
        json_object('models', models, 'evidence', evidence) as detail
    from per_member
)

select * from final
