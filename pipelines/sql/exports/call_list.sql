-- The lines of the week's retention call lists, all managers together, in each manager's order.
-- Grain: one row per (manager, person to call) for week $week, plus one row per at-risk group that
-- has no key person left to call (person null: the manager visits the group itself).
-- Who is listed (domain.md "Turning warnings into work"): the key persons of each medium/high
-- group, suspended ones included (a suspended key person is the very person to call); the
-- mid/high-end members of those groups with a warning of their own; and, whatever the group's
-- tier, any key person or mid/high-end member with a care moment of their own
-- ($care_moment_signals: arrears, their own agreement, a dual-phone sign, a new handset).
-- Carry-over (domain.md "Closing the loop"): a line of the week's previous list that was not
-- reached or never returned (pub_call_follow_up) is listed again while the person is still at
-- risk — still a member, and their group still medium/high or a warning of their own this week —
-- marked `carried_over`, ahead of the new lines of its class.
-- A person listed for two of a manager's groups keeps only the higher-priority line.
-- `rank_class` orders each list: key persons of high groups, of medium groups, mid/high-end
-- members, then the rest; within a class carried-over lines first, then by the group's score,
-- then group, role and own signals.
-- Who is a key person or mid/high-end is published (pub_member_week); this model only picks and orders.
with
role_order(role, role_rank) as (
    -- domain.md: decision maker, dept head, contacts, influencers; then plain members
    values ('decision_maker', 1), ('dept_head', 2), ('contact', 3), ('influencer', 4), ('member', 5)
),
vip_order(vip_level, vip_rank) as (
    values ('diamond', 3), ('gold', 2), ('silver', 1), ('none', 0)
),
care_moments as (
    select unnest(from_json($care_moment_signals, '["VARCHAR"]')) as signal
),
previous_list as (
    select max(week) as week from pub_call_list where week < $week
),
carried as (
    -- last list's lines nobody reached: no return, or not reached (a refusal was a conversation)
    select f.group_id, f.msisdn
    from pub_call_follow_up f
    join previous_list on previous_list.week = f.week
    where not f.returned or f.contact_result = 'not_reached' or f.contact_result is null
),
groups as (
    select group_id, group_name, group_class, manager_id, tier, risk_score, reasons, tier_reason,
           tier in ('high', 'medium') as at_risk
    from pub_group_week
    where week = $week
),
group_level_signals as (
    -- the group's own measures, strongest first: what a key person's actions are matched to
    -- (a roll-up of members' own warnings is theirs, never the decision maker's business)
    select group_id,
           to_json(list(signal order by severity desc, members_affected desc, signal)) as group_signals
    from pub_group_signal
    where week = $week and level = 'group'
    group by group_id
),
own_signals as (
    select group_id, msisdn, max(severity) as max_severity,
           bool_or(signal in (select signal from care_moments)) as has_care_moment,
           to_json(list({'signal': signal, 'reason': reason} order by severity desc, signal)) as own_signals
    from pub_member_signal
    where week = $week
    group by group_id, msisdn
),
people as (
    -- still the group's members: active, or suspended (a customer to win back, not a loss)
    select m.group_id, m.msisdn, m.msisdn_masked, m.member_key, m.role, m.status,
           coalesce(r.role_rank, 5) as role_rank, m.is_key_person, m.is_mid_high_end,
           coalesce(v.vip_rank, 0) as vip_rank, m.plan_fee_cny
    from pub_member_week m
    left join role_order r on r.role = m.role
    left join vip_order v on v.vip_level = m.vip_level
    where m.week = $week and m.status in ('active', 'suspended')
),
person_lines as (
    select g.*, p.msisdn, p.msisdn_masked, p.member_key, p.role, p.status, p.role_rank,
           p.is_key_person, p.is_mid_high_end, p.vip_rank, p.plan_fee_cny,
           coalesce(o.max_severity, 0) as max_severity, o.own_signals,
           c.group_id is not null as carried_over,
           case
               when p.is_key_person and g.tier = 'high' then 1
               when p.is_key_person and g.tier = 'medium' then 2
               when p.is_mid_high_end then 3
               else 4
           end as rank_class
    from groups g
    join people p on p.group_id = g.group_id
    left join own_signals o on o.group_id = p.group_id and o.msisdn = p.msisdn
    left join carried c on c.group_id = p.group_id and c.msisdn = p.msisdn
    where (p.is_key_person and g.at_risk)
       or (p.is_mid_high_end and g.at_risk and o.msisdn is not null)
       or ((p.is_key_person or p.is_mid_high_end) and coalesce(o.has_care_moment, false))
       or (c.group_id is not null and (g.at_risk or o.msisdn is not null))
),
group_lines as (
    -- an at-risk group with nobody left to speak for it: the manager visits the group itself
    select g.*, null as msisdn, null as msisdn_masked, null as member_key, null as role, null as status,
           0 as role_rank, false as is_key_person, false as is_mid_high_end, 0 as vip_rank,
           null as plan_fee_cny, 0 as max_severity, null as own_signals,
           exists (select 1 from carried c where c.group_id = g.group_id and c.msisdn is null) as carried_over,
           case g.tier when 'high' then 1 else 2 end as rank_class
    from groups g
    where g.at_risk
      and not exists (select 1 from people p where p.group_id = g.group_id and p.is_key_person)
),
candidates as (
    select * from person_lines
    union all by name
    select * from group_lines
),
ranked as (
    select *,
           row_number() over (
               partition by manager_id
               order by rank_class, carried_over desc, risk_score desc, group_id, role_rank, max_severity desc,
                        vip_rank desc, plan_fee_cny desc nulls last, msisdn nulls first
           ) as list_position
    from candidates
),
deduplicated as (
    select *
    from ranked
    qualify msisdn is null
         or row_number() over (partition by manager_id, msisdn order by list_position) = 1
),
final as (
    select c.manager_id,
           row_number() over (partition by c.manager_id order by c.list_position)::integer as priority,
           c.group_id, c.group_name, c.group_class, c.tier, round(c.risk_score, 1)::double as risk_score,
           c.role as person_role, c.is_key_person, c.status as person_status, c.carried_over,
           c.msisdn, c.msisdn_masked, c.member_key,
           c.reasons as group_reasons, c.tier_reason as group_tier_reason,
           coalesce(s.group_signals, '[]') as group_signals, c.own_signals
    from deduplicated c
    left join group_level_signals s on s.group_id = c.group_id
)
select * from final
order by manager_id nulls last, priority
