-- Checks one delivered tac file against the extract contract (extract-contract.md, "tac").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`), typed as raw_tac, with `reject` = 'column|reason' for the
--          first rule it breaks (null when it keeps all).
with source as (
    select * from src($path, $delim)
),

typed as (
    select
        filename,
        tac,
        brand,
        model,
        try_cast(sim_slots as integer) as sim_slots,
        networks,
        try_cast(launched as integer) as launched,
        sim_slots as sim_slots_text,
        launched as launched_text
    from source
),

checked as (
    select
        *,
        case
            when tac is null then 'tac|required'
            when not regexp_full_match(tac, '[0-9]{8}') then 'tac|not 8 digits'
            when sim_slots_text is not null and sim_slots_text not in ('1', '2')
                then 'sim_slots|not 1 or 2'
            when len(list_filter(string_split(networks, '|'),
                    lambda n: n not in ('GSM', 'TD-SCDMA', 'WCDMA', 'CDMA2000', 'LTE', 'NR'))) > 0
                then 'networks|not a |-separated subset of GSM, TD-SCDMA, WCDMA, CDMA2000, LTE, NR'
            when launched_text is not null and not is_year_text(launched_text) then 'launched|not a year YYYY'
        end as reject
    from typed
),

final as (
    select * exclude (sim_slots_text, launched_text) from checked
)

select * from final
