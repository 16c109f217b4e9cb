-- Checks one delivered members file against the extract contract (extract-contract.md, "members").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`), typed as raw_members, with `reject` = 'column|reason' for the
--          first rule it breaks (null when it keeps all). Reasons never carry the value. Typed values
--          must have their plain shape as text (raw/value_shapes.sql) before the cast counts.
with source as (
    select * from src($path, $delim)
),

typed as (
    select
        filename,
        msisdn,
        group_id,
        role,
        vip_level,
        try_cast(join_date as date) as join_date,
        status,
        try_cast(status_date as date) as status_date,
        try_cast(plan_fee as decimal(12, 2)) as plan_fee_cny,
        try_cast(contract_end as date) as contract_end,
        join_date as join_date_text,
        status_date as status_date_text,
        plan_fee as plan_fee_text,
        contract_end as contract_end_text
    from source
),

checked as (
    select
        *,
        case
            when msisdn is null then 'msisdn|required'
            when not regexp_full_match(msisdn, '[0-9]{11}') then 'msisdn|not 11 digits'
            when group_id is null then 'group_id|required'
            when role not in ('member', 'contact', 'decision_maker', 'dept_head', 'influencer')
                then 'role|not one of member, contact, decision_maker, dept_head, influencer'
            when vip_level not in ('none', 'silver', 'gold', 'diamond')
                then 'vip_level|not one of none, silver, gold, diamond'
            when join_date_text is not null and not is_date_text(join_date_text) then 'join_date|not a date YYYY-MM-DD'
            when status not in ('active', 'suspended', 'closed', 'ported_out', 'left_group')
                then 'status|not one of active, suspended, closed, ported_out, left_group'
            when status_date_text is not null and not is_date_text(status_date_text) then 'status_date|not a date YYYY-MM-DD'
            when plan_fee_text is not null and (not is_amount_text(plan_fee_text) or plan_fee_cny is null)
                then 'plan_fee|not a decimal >= 0 (at most 2 decimals)'
            when contract_end_text is not null and not is_date_text(contract_end_text) then 'contract_end|not a date YYYY-MM-DD'
        end as reject
    from typed
),

final as (
    select * exclude (join_date_text, status_date_text, plan_fee_text, contract_end_text) from checked
)

select * from final
