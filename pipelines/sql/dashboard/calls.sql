-- Reads:  pub_call_list of week $week (written by the export when it built the lists).
-- Grain:  one row per call-list line (manager, person), each manager's lines in priority order.
-- Why:    the manager page shows the list the manager was handed, not a second computation of
--         it; masked number and pseudonym only: the full number is for the exported files.
with
lines as (
    select * from pub_call_list where week = $week
),

final as (
    select
        week,
        coalesce(manager_id, '') as manager_id,
        priority,
        due_date::varchar as due_date,
        group_id, group_name, tier,
        coalesce(person_role, '') as person_role,
        member_key, msisdn_masked,
        -- defence in depth, as the other sentences: a run of 7+ digits could be a number
        regexp_replace(reason, '[0-9]{7,}', '…', 'g') as reason,
        suggested_action
    from lines
)

select * from final
order by manager_id, priority
