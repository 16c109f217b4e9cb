-- Reads:  pub_call_list and feedback_calls of week $week.
-- Writes: inserts the week $week into pub_call_follow_up. Grain: one row per call-list line.
-- Why:    what became of each line of a list: whether its manager returned it, reached the person,
--         and the outcome and competitor reported (the latest return for the line wins). Free text
--         is not copied: the offer's words stay in feedback_calls, pages count offers.
insert into pub_call_follow_up by name
with lines as (
    select * from pub_call_list where week = $week
),

returns as (
    select *
    from feedback_calls
    where week = $week
    qualify row_number() over (
        partition by manager_id, group_id, msisdn order by loaded_at desc, file_sha256 desc
    ) = 1
),

final as (
    select
        lines.week,
        lines.manager_id,
        lines.priority,
        lines.due_date,
        lines.group_id,
        lines.msisdn,
        lines.member_key,
        lines.tier,
        lines.is_key_person,
        coalesce(lines.carried_over, false) as carried_over,
        returns.group_id is not null as returned,
        returns.contact_result,
        returns.outcome,
        returns.competitor,
        coalesce(nullif(trim(returns.competitor_offer), '') is not null, false) as offer_reported,
        returns.contacted_on
    from lines
    left join returns
        on returns.manager_id is not distinct from lines.manager_id
        and returns.group_id = lines.group_id
        and returns.msisdn is not distinct from lines.msisdn
)

select * from final
