-- Reads:  dash_drill_groups (drill_groups.sql).
-- Grain:  one row per drill-down group.
-- Why:    the drill-down pages to build, in id order (the page loader names one file for each).
select group_id from dash_drill_groups order by group_id
