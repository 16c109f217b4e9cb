-- Reads:   $calls, the checked call records of one returned file as JSON (codes, not labels; dates
--          'YYYY-MM-DD'; free text as typed).
-- Writes:  inserts them into feedback_calls as manager $manager_id's returns for week $week, with the
--          file's checksum $file_sha256 and the load time $loaded_at (UTC).
-- Why:     what happened on each call, kept per call-list line; the free text stays here only.
insert into feedback_calls by name
with source as (
    select unnest(from_json($calls, '[{"group_id":"VARCHAR","msisdn":"VARCHAR","contact_result":"VARCHAR","outcome":"VARCHAR","competitor":"VARCHAR","competitor_offer":"VARCHAR","note":"VARCHAR","contacted_on":"DATE"}]'), recursive := true)
),

final as (
    select
        $week as week,
        $manager_id::varchar as manager_id,
        *,
        $file_sha256 as file_sha256,
        $loaded_at::timestamp as loaded_at
    from source
)

select * from final
