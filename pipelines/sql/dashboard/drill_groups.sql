-- The groups that get a drill-down page: medium/high in any scored week (a few hundred at city
-- scale), with the last week each was scored. A temp table: every drill_* query below reads it.
create or replace temp table dash_drill_groups as
select group_id, max(week) as last_week
from group_scores
group by group_id
having bool_or(tier in ('high', 'medium'))
