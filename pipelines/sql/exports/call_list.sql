-- The week's retention call list, all managers together.
-- Grain: one row per (manager, person to call) for week $week — the active key persons of each
-- medium/high group of the manager, then the group's active mid/high-end members with a member
-- signal that week; a person listed for two of the manager's groups keeps only the higher-priority row.
-- `priority` numbers each manager's list from 1 (call first): tier, then risk score, then key persons
-- before other members, then group, role order and the person's own signals.
-- Parameters: $week, $mid_high_plan_fee (signals.midHighPlanFeeCny).
with
role_order(role, role_rank, is_key_person) as (
    -- domain.md: decision maker, dept head, contacts, influencers; then plain members
    values ('decision_maker', 1, true), ('dept_head', 2, true), ('contact', 3, true),
           ('influencer', 4, true), ('member', 5, false)
),
vip_order(vip_level, vip_rank) as (
    values ('diamond', 3), ('gold', 2), ('silver', 1), ('none', 0)
),
at_risk_groups as (
    select s.group_id, s.risk_score, s.tier, s.reasons, s.signals as group_signal_codes,
           g.group_name, g.group_class, g.manager_id,
           case s.tier when 'high' then 1 else 2 end as tier_rank
    from group_scores s
    join raw_groups g on g.week = s.week and g.group_id = s.group_id
    where s.week = $week and s.tier in ('high', 'medium')
),
group_signal_list as (
    -- the group's signals, strongest first: what a key person's actions and reason are matched to
    select group_id,
           to_json(list(signal order by severity desc, members_affected desc, signal)) as group_signals
    from group_signals
    where week = $week
    group by group_id
),
person_signals as (
    select group_id, msisdn, max(severity) as max_severity,
           to_json(list({'signal': signal, 'severity': severity, 'detail': detail::varchar}
                        order by severity desc, signal)) as own_signals
    from member_signals
    where week = $week
    group by group_id, msisdn
),
active_members as (
    select m.group_id, m.msisdn, m.role, coalesce(r.role_rank, 5) as role_rank,
           coalesce(r.is_key_person, false) as is_key_person,
           coalesce(v.vip_rank, 0) as vip_rank, m.plan_fee_cny,
           -- domain.md: mid/high-end = VIP silver/gold/diamond, or a high monthly plan fee
           coalesce(v.vip_rank, 0) > 0 or coalesce(m.plan_fee_cny >= $mid_high_plan_fee, false) as is_mid_high_end
    from raw_members m
    left join role_order r on r.role = m.role
    left join vip_order v on v.vip_level = m.vip_level
    where m.week = $week and m.status = 'active'
),
candidates as (
    select g.*, a.msisdn, a.role, a.role_rank, a.is_key_person, a.vip_rank, a.plan_fee_cny,
           coalesce(p.max_severity, 0) as max_severity, p.own_signals,
           coalesce(gs.group_signals, '[]') as group_signals
    from at_risk_groups g
    join active_members a on a.group_id = g.group_id
    left join person_signals p on p.group_id = a.group_id and p.msisdn = a.msisdn
    left join group_signal_list gs on gs.group_id = g.group_id
    where a.is_key_person or (p.msisdn is not null and a.is_mid_high_end)
),
ranked as (
    select *,
           row_number() over (
               partition by manager_id
               order by tier_rank, risk_score desc, is_key_person desc, group_id, role_rank,
                        max_severity desc, vip_rank desc, plan_fee_cny desc nulls last, msisdn
           ) as list_position
    from candidates
),
deduplicated as (
    select *
    from ranked
    qualify row_number() over (partition by manager_id, msisdn order by list_position) = 1
),
final as (
    select manager_id,
           row_number() over (partition by manager_id order by list_position)::integer as priority,
           group_id, group_name, group_class, tier, round(risk_score, 1)::double as risk_score,
           role as person_role, is_key_person, msisdn as person_msisdn,
           reasons as group_reasons, group_signals, own_signals
    from deduplicated
)
select * from final
order by manager_id nulls last, priority
