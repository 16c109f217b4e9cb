-- Reads:  nothing.
-- Writes: temp view bt_churn_labels. Grain: one row per label.
-- Why:    the two churn labels every figure is given for, named once: `any_churn` (closed,
--         ported out or left the group) and `ported_out` (lost to a competitor); see
--         bt_member_churn.sql for how a member earns each.
create or replace temp view bt_churn_labels as
with final as (
    select unnest(['any_churn', 'ported_out']) as label
)

select * from final
