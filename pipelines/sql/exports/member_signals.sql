-- member_signals.csv: one row per (member, signal) fired in week $week.
-- Grain: pub_member_signal's own (week, group, member, signal). Members appear by pseudonym and
-- masked number only. Order: the group's risk (as at_risk_groups), then group, member, strongest
-- signal first.
with
signals as (
    select * from pub_member_signal where week = $week
),
group_risk as (
    select group_id, risk_score from pub_group_week where week = $week
),
final as (
    select s.week, s.group_id, s.member_key, s.msisdn_masked, s.role, s.signal, s.severity,
           s.detail::varchar as detail, s.reason, s.model, g.risk_score, s.msisdn
    from signals s
    left join group_risk g on g.group_id = s.group_id
)
select * exclude (risk_score, msisdn) from final
order by risk_score desc nulls last, group_id, msisdn, severity desc, signal
