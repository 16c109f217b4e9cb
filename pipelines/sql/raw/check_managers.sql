-- Checks one delivered managers file against the extract contract (extract-contract.md, "managers").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`), as raw_managers, with `reject` = 'column|reason' (null when valid).
with source as (
    select * from src($path, $delim)
),

checked as (
    select
        manager_id,
        manager_name,
        branch,
        phone,
        email,
        filename,
        case
            when manager_id is null then 'manager_id|required'
        end as reject
    from source
),

final as (
    select * from checked
)

select * from final
