-- Reads:  int_member_bills.
-- Writes: inserts into signal_rows. Grain: one row per member flagged arpu_drop (ARPU预警).
-- Why:    the member's bill for the latest closed month fell against the median of the months
--         before it (months already flagged left out), beyond what everyone's bill did that
--         month; graded by $arpu_drop_drop_share_severity1..3. Only members active at week end
--         with $arpu_drop_min_months prior months are judged.
insert into signal_rows by name
with graded as (
    select
        *,
        severity_level(drop_share, $arpu_drop_drop_share_severity1, $arpu_drop_drop_share_severity2,
                       $arpu_drop_drop_share_severity3) as severity
    from int_member_bills
    where has_history
),

final as (
    select
        $week as week,
        group_id,
        msisdn,
        'arpu_drop' as signal,
        null as model,
        severity,
        baseline_fee_cny as metric_baseline,
        fee_cny as metric_now,
        fee_cny / baseline_fee_cny - 1 as metric_change,
        null as members_affected,
        json_object(
            'bill_month', bill_month,
            'fee_cny', fee_cny,
            'baseline_fee_cny', round(baseline_fee_cny, 2),
            'drop_share', round(drop_share, 3),
            'population_ratio', round(population_ratio, 3),
            'baseline_months', baseline_months,
            'baseline_from', baseline_from,
            'baseline_to', baseline_to
        ) as detail
    from graded
    where severity is not null
)

select * from final
