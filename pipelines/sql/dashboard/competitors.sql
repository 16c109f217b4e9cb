-- Reads:  pub_call_follow_up, pub_group_week, pub_group_forwarding.
-- Grain:  one row per week, competitor (CU, CT), branch and industry.
-- Why:    where the competitors are at work: offers managers heard of, per competitor, beside the
--         calls members forward to that competitor's numbers. Counts only: an offer's words stay
--         in the warehouse (feedback_calls), never on a page.
with
groups as (
    select week, group_id, coalesce(branch, '(未填)') as branch, coalesce(industry, '(未填)') as industry
    from pub_group_week
),

reported as (
    select
        lines.week, lines.competitor, groups.branch, groups.industry,
        count(*) filter (where lines.offer_reported) as offers,
        count(*) as mentions
    from pub_call_follow_up as lines
    join groups on groups.week = lines.week and groups.group_id = lines.group_id
    where lines.competitor in ('CU', 'CT')
    group by all
),

forwarded as (
    select
        forwarding.week, forwarding.network as competitor, groups.branch, groups.industry,
        sum(forwarding.calls) as forwarded_calls,
        sum(forwarding.members) as forwarding_members
    from pub_group_forwarding as forwarding
    join groups on groups.week = forwarding.week and groups.group_id = forwarding.group_id
    where forwarding.network in ('CU', 'CT')
    group by all
),

final as (
    select
        coalesce(reported.week, forwarded.week) as week,
        coalesce(reported.competitor, forwarded.competitor) as competitor,
        coalesce(reported.branch, forwarded.branch) as branch,
        coalesce(reported.industry, forwarded.industry) as industry,
        coalesce(reported.offers, 0)::integer as offers,
        coalesce(reported.mentions, 0)::integer as mentions,
        coalesce(forwarded.forwarded_calls, 0)::integer as forwarded_calls,
        coalesce(forwarded.forwarding_members, 0)::integer as forwarding_members
    from reported
    full join forwarded
        on forwarded.week = reported.week and forwarded.competitor = reported.competitor
        and forwarded.branch = reported.branch and forwarded.industry = reported.industry
)

select * from final
order by week, competitor, branch, industry
