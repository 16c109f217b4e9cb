-- Checks one delivered groups file against the extract contract (extract-contract.md, "groups").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`), typed as raw_groups, with `reject` = 'column|reason' for the
--          first rule it breaks (null when it keeps all). Reasons never carry the value. Typed values
--          must have their plain shape as text (raw/value_shapes.sql) before the cast counts.
with source as (
    select * from src($path, $delim)
),

typed as (
    select
        filename,
        group_id,
        group_name,
        group_class,
        industry,
        org_type,
        try_cast(employee_count as integer) as employee_count,
        try_cast(annual_revenue as decimal(18, 2)) as annual_revenue_10k_cny,
        address,
        phone,
        branch,
        manager_id,
        try_cast(contract_end as date) as contract_end,
        employee_count as employee_count_text,
        annual_revenue as annual_revenue_text,
        contract_end as contract_end_text
    from source
),

checked as (
    select
        *,
        case
            when group_id is null then 'group_id|required'
            when group_name is null then 'group_name|required'
            when group_class not in ('A', 'B', 'C') then 'group_class|not one of A, B, C'
            when employee_count_text is not null and (not is_count_text(employee_count_text) or employee_count < 0)
                then 'employee_count|not an integer >= 0'
            when annual_revenue_text is not null and (not is_amount_text(annual_revenue_text) or annual_revenue_10k_cny is null)
                then 'annual_revenue|not a decimal >= 0 (at most 2 decimals)'
            when contract_end_text is not null and not is_date_text(contract_end_text) then 'contract_end|not a date YYYY-MM-DD'
        end as reject
    from typed
),

final as (
    select * exclude (employee_count_text, annual_revenue_text, contract_end_text) from checked
)

select * from final
