-- Reads:  int_member_handsets.
-- Writes: inserts into signal_rows. Grain: one row per member flagged handset_change (终端更换).
-- Why:    a new handset used for at least $handset_change_new_min_days days, after the old one
--         was the member's handset for $handset_change_old_min_weeks weeks or more: a care moment,
--         warned for $handset_change_flag_weeks weeks from the new handset's first week. Severity 2
--         when the new handset is dual-mode (CDMA2000: it takes a China Telecom SIM beside ours),
--         else 1; dual-SIM alone is in the detail, nearly every phone is dual-SIM.
insert into signal_rows by name
with changed as (
    select *
    from int_member_handsets
    where status in ('active', 'suspended')
      and previous_imei is not null
      and previous_weeks >= $handset_change_old_min_weeks
      and new_days >= $handset_change_new_min_days
      and new_weeks_back < $handset_change_flag_weeks
),

final as (
    select
        $week as week,
        group_id,
        msisdn,
        'handset_change' as signal,
        null as model,
        case when is_cdma2000 then 2 else 1 end as severity,
        previous_weeks as metric_baseline,
        new_days as metric_now,
        null as metric_change,
        null as members_affected,
        json_object('since_week', new_since_week, 'days_used', new_days, 'old_handset_weeks', previous_weeks,
                    'brand', brand, 'model', model, 'dual_sim', is_dual_sim, 'cdma2000', is_cdma2000) as detail
    from changed
)

select * from final
