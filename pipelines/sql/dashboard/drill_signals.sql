-- Reads:  pub_group_signal, dash_drill_batch.
-- Grain:  one row per drill-down group, week and signal fired.
-- Why:    the signal timeline and the week's list: every group signal with its published sentence.
with
signals as (
    select pub_group_signal.*
    from pub_group_signal
    semi join dash_drill_batch on dash_drill_batch.group_id = pub_group_signal.group_id
),

final as (
    select
        week, group_id, signal, severity, members_affected, since_week,
        regexp_replace(reason, '[0-9]{7,}', '…', 'g') as reason -- a 7+ digit run could be a number
    from signals
)

select * from final
order by group_id, week, severity desc, signal
