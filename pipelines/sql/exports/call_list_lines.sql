-- The call-list files of week $week (calls/<manager>.csv and .xlsx), as built and published.
-- Grain: pub_call_list's own (manager, person), each manager's lines in priority order; a group's
-- own line (no key person left) has an empty person.
with
lines as (
    select * from pub_call_list where week = $week
),
final as (
    select manager_id, week, priority, due_date::varchar as due_date, group_id, group_name, tier,
           coalesce(person_role, '') as person_role, coalesce(msisdn, '') as person_msisdn, reason, suggested_action,
           -- outputs.md: `1` when the person was on last week's list and not reached
           case when carried_over then 1 else 0 end as carried_over
    from lines
)
select * from final
order by manager_id nulls last, priority
