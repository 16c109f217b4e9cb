-- Reads:  raw_billing (every delivery of weeks up to $week).
-- Writes: temp table stg_billing. Grain: one row per (msisdn, bill month) as known at the end of
--         week $week.
-- Why:    a bill may be delivered again, corrected, by a later bundle: the latest delivering
--         week wins, but only among weeks <= $week, so loading a later week never changes this one.
create or replace temp table stg_billing as
with deliveries as (
    select
        week as delivered_week,
        msisdn,
        bill_month,
        total_fee_cny,
        voice_fee_cny,
        data_fee_cny,
        sms_fee_cny,
        other_fee_cny
    from raw_billing
    where week <= $week
),

final as (
    select *
    from deliveries
    qualify row_number() over (partition by msisdn, bill_month order by delivered_week desc) = 1
)

select * from final
