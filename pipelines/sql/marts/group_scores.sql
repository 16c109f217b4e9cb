-- Reads:  group_signals and member_signals of the week $week, int_group_sizes.
-- Writes: inserts the week $week into group_scores. Grain: one row per group in the week's
--         snapshot, quiet groups included (score 0, tier low).
-- Why:    one number and one tier per group, explained. Each fired signal brings
--             weight[signal] × severity_factor[severity]
--               × (1 + key_person_boost·[touches a key person] + mid_high_boost·[touches a mid/high-end member])
--               × (1 + breadth_boost · min(1, members_affected / members_active / breadth_full_share))
--         points. Signals of one family (one piece of evidence seen twice, e.g. mou_drop and
--         zero_outgoing) count once, by their strongest; families add up. The sum is scaled by
--         the group's value, (1 + large_group_boost·[class A/B])
--         × (1 + value_boost · min(1, revenue / value_full_revenue_cny)), and
--             score = 100 · (1 − exp(−points / saturation_points)).
--         Tier: high from high_min_score, or with high_min_families independent signal families
--         at severity ≥ high_family_severity, or members porting out (retention_drop at that
--         severity with port-outs) plus high_ported_plus_families other such families; medium from medium_min_score, or when
--         any signal reaches its call_now_severity (the domain's "needs a call this week"), or
--         for a dual-phone care moment (关键时刻 "双机客户": dual_phone on a key person, a
--         mid/high-end member, or several members: $dual_phone_care_moment_min_members, or
--         $dual_phone_care_moment_min_share of the active members when they are at least
--         $dual_phone_care_moment_min_share_members); low otherwise. A group put in a tier by a
--         rule scores at least that tier's minimum, so sorting by score agrees with the tiers.
--         reason_signals: the signals leading the $reasons_shown families bringing the most
--         points, in that order (the publish stage words them); families: how many independent
--         families reached that severity.
insert into group_scores by name
with signals as (
    select
        group_signals.*,
        int_group_sizes.members_active,
        cast(json_extract_string($weights, '$.' || group_signals.signal) as double) as weight,
        cast(json_extract_string($call_now_severity, '$.' || group_signals.signal) as integer) as call_now_severity,
        json_extract_string($families, '$.' || group_signals.signal) as family,
        case group_signals.severity
            when 1 then $severity_factor_severity1
            when 2 then $severity_factor_severity2
            else $severity_factor_severity3
        end as severity_factor
    from group_signals
    join int_group_sizes on int_group_sizes.group_id = group_signals.group_id
    where group_signals.week = $week
),

raw_points as (
    select
        *,
        weight * severity_factor
            * (1 + $key_person_boost * cast(key_persons_affected > 0 as integer)
                 + $mid_high_boost * cast(mid_high_affected > 0 as integer))
            * (1 + $breadth_boost * least(1, members_affected / greatest(members_active, 1) / $breadth_full_share))
            as raw_points
    from signals
),

-- a family's strongest signal brings the points and speaks for it in the reasons
points as (
    select
        *,
        row_number() over (partition by group_id, family order by raw_points desc, signal) = 1 as leads_family
    from raw_points
),

per_group as (
    select
        group_id,
        exact_sum(case when leads_family then raw_points end) as points, -- the same score to the last digit every run
        string_agg(signal, ';' order by signal) as signals,
        coalesce(bool_or(severity >= call_now_severity), false) as call_now,
        coalesce(bool_or(signal = 'dual_phone' and (
            key_persons_affected > 0
            or mid_high_affected > 0
            or members_affected >= $dual_phone_care_moment_min_members
            or (members_affected >= $dual_phone_care_moment_min_share_members
                and members_affected >= $dual_phone_care_moment_min_share * members_active)
        )), false) as care_moment,
        count(distinct family) filter (where severity >= $high_family_severity) as families,
        count(distinct family) filter (where severity >= $high_family_severity and signal <> 'retention_drop') as other_families,
        coalesce(bool_or(signal = 'retention_drop' and severity >= $high_family_severity
                         and cast(detail ->> 'ported' as integer) > 0), false) as porting_out,
        list(signal order by raw_points desc, signal) filter (where leads_family) as reason_signals
    from points
    group by group_id
),

flagged_members as (
    select
        group_id,
        count(distinct msisdn) as members_flagged,
        count(distinct msisdn) filter (where is_key_person) as key_persons_flagged
    from member_signals
    where week = $week
    group by group_id
),

scored as (
    select
        int_group_sizes.group_id,
        int_group_sizes.members_active,
        coalesce(per_group.signals, '') as signals,
        coalesce(per_group.reason_signals, []) as reason_signals,
        coalesce(per_group.call_now, false) as call_now,
        coalesce(per_group.care_moment, false) as care_moment,
        coalesce(per_group.families, 0) as families,
        coalesce(per_group.other_families, 0) as other_families,
        coalesce(per_group.porting_out, false) as porting_out,
        cast(coalesce(flagged_members.members_flagged, 0) as integer) as members_flagged,
        cast(coalesce(flagged_members.key_persons_flagged, 0) as integer) as key_persons_flagged,
        100 * (1 - exp(-coalesce(per_group.points, 0)
                       * (1 + $large_group_boost * cast(int_group_sizes.is_large as integer))
                       * (1 + $value_boost * least(1, int_group_sizes.revenue_cny / $value_full_revenue_cny))
                       / $saturation_points)) as score
    from int_group_sizes
    left join per_group on per_group.group_id = int_group_sizes.group_id
    left join flagged_members on flagged_members.group_id = int_group_sizes.group_id
),

tiered as (
    select
        *,
        case
            when score >= $high_min_score then 'score'
            when families >= $high_min_families then 'families'
            when porting_out and other_families >= $high_ported_plus_families then 'ported_plus'
            when score >= $medium_min_score then 'score'
            when call_now then 'call_now'
            when care_moment then 'care_moment'
            else 'score'
        end as tier_rule,
        case
            when score >= $high_min_score
              or families >= $high_min_families
              or (porting_out and other_families >= $high_ported_plus_families) then 'high'
            when score >= $medium_min_score or call_now or care_moment then 'medium'
            else 'low'
        end as tier
    from scored
),

final as (
    select
        $week as week,
        group_id,
        round(greatest(score, case tier when 'high' then $high_min_score when 'medium' then $medium_min_score else 0 end), 1)
            as risk_score,
        tier,
        signals,
        members_active,
        members_flagged,
        array_to_string(reason_signals[1:$reasons_shown], ';') as reason_signals,
        cast(families as integer) as families,
        $config_hash as config_hash,
        $inputs_fingerprint as inputs_fingerprint,
        cast($scored_at as timestamp) as scored_at,
        key_persons_flagged,
        tier_rule
    from tiered
)

select * from final
