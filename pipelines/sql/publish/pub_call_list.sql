-- Reads:  parameters only: $week and $rows, the week's call-list lines as
--         pipelines/export/buildCallLists.ts words them (from the published layer).
-- Writes: inserts the week $week into pub_call_list. Grain: one row per call-list line (manager,
--         person) and week.
-- Why:    the list is decided once, when it is built; the CSV and workbook files and the
--         dashboard's call list are all written from these rows.
insert into pub_call_list by name
with source as (
    select unnest(from_json($rows, '[{"manager_id":"VARCHAR","priority":"INTEGER","due_date":"DATE","group_id":"VARCHAR","group_name":"VARCHAR","group_class":"VARCHAR","tier":"VARCHAR","risk_score":"DOUBLE","person_role":"VARCHAR","is_key_person":"BOOLEAN","person_status":"VARCHAR","msisdn":"VARCHAR","msisdn_masked":"VARCHAR","member_key":"VARCHAR","reason":"VARCHAR","suggested_action":"VARCHAR","carried_over":"BOOLEAN"}]'), recursive := true)
),

final as (
    select $week as week, * from source
)

select * from final
