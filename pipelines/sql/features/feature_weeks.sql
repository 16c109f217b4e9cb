-- Reads:  feat_member_contact, feat_member_handset of week $week.
-- Writes: inserts the week $week into feature_weeks. Grain: one row per week with features.
-- Why:    scoring knows a week's features exist (even a week without a single record) and can
--         compute them for a warehouse loaded before features were kept.
insert into feature_weeks by name
with final as (
    select
        $week as week,
        $source as source,
        (select count(*) from feat_member_contact where week = $week) as contact_rows,
        (select count(*) from feat_member_handset where week = $week) as handset_rows,
        cast($computed_at as timestamp) as computed_at
)

select * from final
