-- Reads:  parameters only: $rows, a JSON list of {msisdn, member_key, msisdn_masked} worded by
--         pipelines/privacy (maskMsisdn, pseudonymizer) for numbers not yet known under $key_id.
-- Writes: inserts into member_identities. Grain: one row per key and number.
-- Why:    masking and pseudonyms are defined once, in TypeScript; SQL only looks them up.
insert into member_identities by name
with source as (
    select unnest(from_json($rows, '[{"msisdn":"VARCHAR","member_key":"VARCHAR","msisdn_masked":"VARCHAR"}]'), recursive := true)
),

final as (
    select $key_id as key_id, msisdn, member_key, msisdn_masked
    from source
)

select * from final
