-- Drill-down signal timeline: every group signal of every week, with its plain sentence.
select gs.week, gs.group_id, gs.signal, gs.severity::integer as severity,
       gs.members_affected::integer as members_affected, gs.since_week,
       regexp_replace(gs.reason, '[0-9]{7,}', '…', 'g') as reason -- a 7+ digit run could be a number
from group_signals gs
semi join dash_drill_groups d on d.group_id = gs.group_id
order by gs.group_id, gs.week, gs.severity desc, gs.signal
