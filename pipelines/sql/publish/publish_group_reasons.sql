-- Reads:  parameters only: $rows, a JSON list of {group_id, signal, reason}, each group signal's
--         sentence as pipelines/publish/wordReasons.ts words it.
-- Writes: temp table publish_group_reasons. Grain: one row per group signal of week $week.
-- Why:    the sentence is worded once, here, and stored with the signal (pub_group_signal).
create or replace temp table publish_group_reasons as
with source as (
    select unnest(from_json($rows, '[{"group_id":"VARCHAR","signal":"VARCHAR","reason":"VARCHAR"}]'), recursive := true)
),

final as (
    select group_id, signal, reason from source
)

select * from final
