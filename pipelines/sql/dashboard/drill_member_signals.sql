-- Drill-down member signals of every week (numbers masked by the loader); detail is left out:
-- the group sentence already carries the numbers a manager needs.
select ms.week, ms.group_id, ms.msisdn, ms.signal, ms.model, ms.severity::integer as severity
from member_signals ms
semi join dash_drill_groups d on d.group_id = ms.group_id
order by ms.group_id, ms.week, ms.msisdn, ms.signal
