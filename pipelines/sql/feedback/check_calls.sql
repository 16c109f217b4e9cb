-- Checks a returned file's call records against the call list they answer (outputs.md "Feedback:
-- a returned call list"): manager $manager_id's list of week $week, as published in pub_call_list.
-- Reads:   $calls, the file's call records as JSON [{row, week, group_id, msisdn}] (rows the manager
--          filled something in; msisdn null for a group's own line), and pub_call_list.
-- Returns: one row per record that breaks a rule, with `problem` = 'column|reason' for the first
--          rule it breaks. Reasons never carry the value.
with calls as (
    select unnest(from_json($calls, '[{"row":"INTEGER","week":"VARCHAR","group_id":"VARCHAR","msisdn":"VARCHAR"}]'), recursive := true)
),

lines as (
    select manager_id, group_id, msisdn
    from pub_call_list
    where week = $week
),

-- whether a group is on the week's list at all, and on this manager's
list_groups as (
    select group_id, bool_or(manager_id is not distinct from $manager_id::varchar) as own
    from lines
    group by group_id
),

own_lines as (
    select group_id, msisdn from lines where manager_id is not distinct from $manager_id::varchar
),

matched as (
    select
        calls.*,
        list_groups.group_id is not null as group_listed,
        coalesce(list_groups.own, false) as group_own,
        exists (
            select 1 from own_lines
            where own_lines.group_id = calls.group_id and own_lines.msisdn is not distinct from calls.msisdn
        ) as line_listed,
        min(calls.row) over (partition by calls.group_id, calls.msisdn) as first_row
    from calls
    left join list_groups on list_groups.group_id = calls.group_id
),

checked as (
    select
        row,
        case
            when week is null then 'week|required'
            when week <> $week then 'week|another week than the list''s: a file answers one week''s list'
            when group_id is null then 'group_id|required'
            when not group_listed then 'group_id|unknown group: not on the week''s call list'
            when not group_own then 'group_id|a group of another manager''s list: a file speaks only for its own manager''s groups'
            when not line_listed and msisdn is null then 'person_msisdn|required: the list has no line for this group without a person'
            when not line_listed then 'person_msisdn|unknown person: not on this group''s lines of the list'
            when first_row < row then 'person_msisdn|the same call as row ' || first_row
        end as problem
    from matched
)

select row, problem
from checked
where problem is not null
order by row
