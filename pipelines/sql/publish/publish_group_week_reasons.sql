-- Reads:  parameters only: $rows, a JSON list of {group_id, reasons, tier_reason}: the sentences of
--         the signals that explain a group's score, and why it has its tier (wordReasons.ts).
-- Writes: temp table publish_group_week_reasons. Grain: one row per group of week $week.
-- Why:    worded once, stored with the group's week (pub_group_week).
create or replace temp table publish_group_week_reasons as
with source as (
    select unnest(from_json($rows, '[{"group_id":"VARCHAR","reasons":"VARCHAR","tier_reason":"VARCHAR"}]'), recursive := true)
),

final as (
    select group_id, reasons, tier_reason from source
)

select * from final
