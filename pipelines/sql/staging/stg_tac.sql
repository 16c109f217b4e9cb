-- Reads:  raw_tac (every delivery of weeks up to $week).
-- Writes: temp table stg_tac. Grain: one row per type allocation code (handset model).
-- Why:    which handsets can hold a competitor's SIM: dual-SIM (sim_slots = 2) or dual-mode
--         (CDMA2000, a China Telecom SIM); the latest delivery up to $week describes the model.
create or replace temp table stg_tac as
with deliveries as (
    select * from raw_tac where week <= $week
),

latest as (
    select *
    from deliveries
    qualify row_number() over (partition by tac order by week desc) = 1
),

final as (
    select
        tac,
        brand,
        model,
        sim_slots,
        coalesce(sim_slots = 2, false) as is_dual_sim,
        coalesce(list_contains(string_split(networks, '|'), 'CDMA2000'), false) as is_cdma2000
    from latest
)

select * from final
