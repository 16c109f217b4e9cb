-- Reads:  pub_member_signal, dash_drill_groups.
-- Grain:  one row per drill-down group, week, member and signal fired.
-- Why:    which members' signals fired when. The member by pseudonym only: the masked number is
--         in the member list once. Detail and sentence are left out: the group sentence already
--         carries the numbers a manager needs.
with
signals as (
    select pub_member_signal.*
    from pub_member_signal
    semi join dash_drill_groups on dash_drill_groups.group_id = pub_member_signal.group_id
),

final as (
    select week, group_id, member_key, signal, model, severity
    from signals
)

select * from final
order by group_id, week, member_key, signal
