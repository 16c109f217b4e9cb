-- Reads:  raw_managers (the snapshot of week $week).
-- Writes: temp table stg_managers. Grain: one row per account manager in the week's snapshot.
-- Why:    the manager's name beside each group on the published layer; phone and e-mail stay out.
create or replace temp table stg_managers as
with source as (
    select * from raw_managers where week = $week
),

final as (
    select
        source.manager_id,
        source.manager_name,
        source.branch
    from source
)

select * from final
