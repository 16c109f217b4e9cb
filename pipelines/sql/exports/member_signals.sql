-- member_signals.csv: one row per (member, signal) fired in week $week.
-- Grain: member_signals' own (week, group, msisdn, signal). The msisdn is returned for the exporter
-- to mask and pseudonymize; it never reaches the file. Order: the group's risk (as at_risk_groups),
-- then group, member, strongest signal first.
with
signals as (
    select week, group_id, msisdn, signal, model, severity, detail::varchar as detail
    from member_signals
    where week = $week
),
roles as (
    select group_id, msisdn, role
    from raw_members
    where week = $week
),
group_risk as (
    select group_id, risk_score
    from group_scores
    where week = $week
),
final as (
    select s.week, s.group_id, s.msisdn, r.role, s.signal, s.severity::integer as severity, s.detail,
           s.model, g.risk_score
    from signals s
    left join roles r on r.group_id = s.group_id and r.msisdn = s.msisdn
    left join group_risk g on g.group_id = s.group_id
)
select * from final
order by risk_score desc nulls last, group_id, msisdn, severity desc, signal
