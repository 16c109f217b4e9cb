-- The people on the week's retention call list, all managers together, in each manager's order.
-- Grain: one row per (manager, person to call) for week $week — the active key persons of each
-- medium/high group of the manager, then the group's active mid/high-end members with a member
-- signal that week; a person listed for two of the manager's groups keeps only the higher-priority row.
-- `priority` numbers each manager's list from 1 (call first): tier, then risk score, then key persons
-- before other members, then group, role order and the person's own signals.
-- Who is a key person or mid/high-end is published (pub_member_week); this model only picks and orders.
with
role_order(role, role_rank) as (
    -- domain.md: decision maker, dept head, contacts, influencers; then plain members
    values ('decision_maker', 1), ('dept_head', 2), ('contact', 3), ('influencer', 4), ('member', 5)
),
vip_order(vip_level, vip_rank) as (
    values ('diamond', 3), ('gold', 2), ('silver', 1), ('none', 0)
),
at_risk_groups as (
    select group_id, risk_score, tier, reasons, group_name, group_class, manager_id,
           case tier when 'high' then 1 else 2 end as tier_rank
    from pub_group_week
    where week = $week and tier in ('high', 'medium')
),
group_signal_list as (
    -- the group's signals, strongest first: what a key person's actions and reason are matched to
    select group_id,
           to_json(list(signal order by severity desc, members_affected desc, signal)) as group_signals
    from pub_group_signal
    where week = $week
    group by group_id
),
person_signals as (
    select group_id, msisdn, max(severity) as max_severity,
           to_json(list({'signal': signal, 'reason': reason} order by severity desc, signal)) as own_signals
    from pub_member_signal
    where week = $week
    group by group_id, msisdn
),
active_members as (
    select m.group_id, m.msisdn, m.msisdn_masked, m.member_key, m.role,
           coalesce(r.role_rank, 5) as role_rank, m.is_key_person, m.is_mid_high_end,
           coalesce(v.vip_rank, 0) as vip_rank, m.plan_fee_cny
    from pub_member_week m
    left join role_order r on r.role = m.role
    left join vip_order v on v.vip_level = m.vip_level
    where m.week = $week and m.is_active
),
candidates as (
    select g.*, a.msisdn, a.msisdn_masked, a.member_key, a.role, a.role_rank, a.is_key_person,
           a.vip_rank, a.plan_fee_cny,
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
           role as person_role, is_key_person, msisdn, msisdn_masked, member_key,
           reasons as group_reasons, group_signals, own_signals
    from deduplicated
)
select * from final
order by manager_id nulls last, priority
