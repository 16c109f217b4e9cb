-- Reads:  pub_member_signal, dash_drill_batch.
-- Grain:  one row per drill-down group, week, member and signal fired.
-- Why:    which members' signals fired when, each with its published sentence (the call list's).
--         The member by pseudonym only: the masked number is in the member list once.
with
signals as (
    select pub_member_signal.*
    from pub_member_signal
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_member_signal.group_id
),

final as (
    select week, group_id, member_key, signal, model, severity,
           regexp_replace(reason, '[0-9]{7,}', '…', 'g') as reason -- a 7+ digit run could be a number
    from signals
)

select * from final
order by group_id, week, member_key, signal
