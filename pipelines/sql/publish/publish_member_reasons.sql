-- Reads:  parameters only: $rows, a JSON list of {group_id, msisdn, signal, reason}, each
--         member signal's sentence as pipelines/publish/wordReasons.ts words it.
-- Writes: temp table publish_member_reasons. Grain: one row per member signal of week $week.
-- Why:    the sentence is worded once, here, and stored with the signal (pub_member_signal).
create or replace temp table publish_member_reasons as
with source as (
    select unnest(from_json($rows, '[{"group_id":"VARCHAR","msisdn":"VARCHAR","signal":"VARCHAR","reason":"VARCHAR"}]'), recursive := true)
),

final as (
    select group_id, msisdn, signal, reason from source
)

select * from final
