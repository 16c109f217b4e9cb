-- Reads:  pub_group_week.
-- Grain:  one row per week, dimension (branch, industry or class), its value and tier.
-- Why:    the overview's breakdowns: groups, flagged members and revenue (published per group).
--         A few thousand rows at city scale, so the page filters them itself.
with
groups as (
    select
        week, tier, members_flagged, revenue_cny as revenue,
        coalesce(branch, '(未填)') as branch,
        coalesce(industry, '(未填)') as industry,
        coalesce(group_class, '(未填)') as class
    from pub_group_week
),

long as (
    unpivot groups on branch, industry, class into name dimension value value
),

final as (
    select
        week, dimension, value, tier,
        count(*)::integer as groups,
        sum(members_flagged)::integer as members_flagged,
        sum(revenue)::double as revenue
    from long
    group by all
)

select * from final
order by week, dimension, value, tier
