-- The drill-down pages to build (after drill_groups.sql).
select group_id from dash_drill_groups order by group_id
