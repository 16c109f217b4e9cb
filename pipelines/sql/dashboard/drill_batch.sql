-- Reads:  dash_drill_groups (drill_groups.sql).
-- Writes: temp table dash_drill_batch: the groups $ids (a batch of the groups one archive holds),
--         which the drill_* models read.
-- Grain:  one row per group of the batch.
create or replace temp table dash_drill_batch as
select group_id, last_week from dash_drill_groups where list_contains($ids, group_id)
