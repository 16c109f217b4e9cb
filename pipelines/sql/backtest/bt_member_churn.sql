-- Reads:  bt_listed.
-- Writes: temp table bt_member_churn. Grain: one row per (label, evaluated week W, member) for
--         each member still with its group at W who churned within $horizon_weeks weeks; members
--         who stayed have no row (bt_group_sizes counts the population).
-- Why:    did the member churn after W? It churns in the first later loaded week that lists it
--         closed, ported out or left the group, or does not list it at all (it has left the
--         group). Two labels: `any_churn`, and `ported_out` when that first departure is a
--         port-out to a competitor — leaving a company that keeps paying for the line is not a
--         line lost to CU/CT. Only weeks after W are read; members who departed in W itself are
--         not in W's population, so W's own departures are never "predicted".
create or replace temp table bt_member_churn as
with population as (
    select * from bt_listed where is_evaluated and not is_departure
),

-- every week a member is seen gone: listed with a departure status, or missing from the next
-- loaded week's snapshot
seen_gone as (
    select group_id, msisdn, week_start as gone_start, status as gone_status
    from bt_listed
    where is_departure
    union all
    select this_week.group_id, this_week.msisdn, this_week.next_loaded_start as gone_start, 'left_group' as gone_status
    from bt_listed as this_week
    anti join bt_listed as next_week
        on next_week.group_id = this_week.group_id
        and next_week.msisdn = this_week.msisdn
        and next_week.week_start = this_week.next_loaded_start
    where this_week.next_loaded_start is not null and not this_week.is_departure
),

-- the first time within the horizon after W the member is seen gone, and how
first_gone as (
    select
        population.week,
        population.week_start,
        population.group_id,
        population.msisdn,
        population.is_key_person,
        min(seen_gone.gone_start) as churn_start,
        arg_min(seen_gone.gone_status, seen_gone.gone_start) as churn_status
    from population
    join seen_gone
        on seen_gone.group_id = population.group_id
        and seen_gone.msisdn = population.msisdn
        and seen_gone.gone_start > population.week_start
        and seen_gone.gone_start <= population.week_start + 7 * cast($horizon_weeks as integer)
    group by population.week, population.week_start, population.group_id, population.msisdn, population.is_key_person
),

labelled as (
    select *, 'any_churn' as label from first_gone
    union all
    select *, 'ported_out' as label from first_gone where churn_status = 'ported_out'
),

final as (
    select
        label,
        week,
        group_id,
        msisdn,
        is_key_person,
        strftime(churn_start, '%G-W%V') as churn_week,
        cast(datediff('day', week_start, churn_start) / 7 as integer) as weeks_to_churn
    from labelled
)

select * from final
