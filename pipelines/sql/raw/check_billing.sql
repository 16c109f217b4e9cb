-- Checks one delivered billing file against the extract contract (extract-contract.md, "billing").
-- Reads:   src($path, $delim), the file's records as text under the contract's column names.
-- Returns: one row per record (with the reader's `filename`), typed as raw_billing, with `reject` = 'column|reason' for the
--          first rule it breaks (null when it keeps all). Reasons never carry the value. Typed values
--          must have their plain shape as text (raw/value_shapes.sql) before the cast counts.
with source as (
    select * from src($path, $delim)
),

typed as (
    select
        filename,
        msisdn,
        bill_month,
        try_cast(total_fee as decimal(12, 2)) as total_fee_cny,
        try_cast(voice_fee as decimal(12, 2)) as voice_fee_cny,
        try_cast(data_fee as decimal(12, 2)) as data_fee_cny,
        try_cast(sms_fee as decimal(12, 2)) as sms_fee_cny,
        try_cast(other_fee as decimal(12, 2)) as other_fee_cny,
        [total_fee, voice_fee, data_fee, sms_fee, other_fee] as fee_texts
    from source
),

checked as (
    select
        *,
        case
            when msisdn is null then 'msisdn|required'
            when not regexp_full_match(msisdn, '[0-9]{11}') then 'msisdn|not 11 digits'
            when bill_month is null then 'bill_month|required'
            when not regexp_full_match(bill_month, '[0-9]{4}-(0[1-9]|1[0-2])') then 'bill_month|not a month YYYY-MM'
            when fee_texts[1] is not null and (not is_signed_amount_text(fee_texts[1]) or total_fee_cny is null) then 'total_fee|not a decimal (at most 2 decimals)'
            when fee_texts[2] is not null and (not is_signed_amount_text(fee_texts[2]) or voice_fee_cny is null) then 'voice_fee|not a decimal (at most 2 decimals)'
            when fee_texts[3] is not null and (not is_signed_amount_text(fee_texts[3]) or data_fee_cny is null) then 'data_fee|not a decimal (at most 2 decimals)'
            when fee_texts[4] is not null and (not is_signed_amount_text(fee_texts[4]) or sms_fee_cny is null) then 'sms_fee|not a decimal (at most 2 decimals)'
            when fee_texts[5] is not null and (not is_signed_amount_text(fee_texts[5]) or other_fee_cny is null) then 'other_fee|not a decimal (at most 2 decimals)'
        end as reject
    from typed
),

final as (
    select * exclude (fee_texts) from checked
)

select * from final
