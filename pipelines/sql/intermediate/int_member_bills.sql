-- Reads:  stg_billing, member_week_features (this week and history), member_signals (earlier
--         weeks), stg_weeks.
-- Writes: temp table int_member_bills. Grain: one row per member of the scored week $week who
--         has a bill for the latest closed month known this week.
-- Why:    billed revenue per member (ARPU) against the member's prior months: the median of the
--         $arpu_drop_baseline_months months before, leaving out months already flagged (so a
--         lasting fall stays a fall), judged only with $arpu_drop_min_months such months, and
--         relative to what everyone's bill did that month (short months, tariff changes).
create or replace temp table int_member_bills as
with history_weeks as (
    select week from stg_weeks where weeks_back between 1 and $baseline_lookback_weeks
),

current_members as (
    select group_id, msisdn, status, partial_week
    from member_week_features
    where week = $week
),

latest_month as (
    select max(bill_month) as bill_month from stg_billing
),

-- months that were the member's latest bill in a week already flagged for arpu_drop
flagged_months as (
    select distinct features.group_id, features.msisdn, features.bill_month
    from member_signals as flags
    join member_week_features as features
        on features.week = flags.week and features.group_id = flags.group_id and features.msisdn = flags.msisdn
    where flags.signal = 'arpu_drop'
      and flags.week in (select week from history_weeks)
),

bills as (
    select current_members.group_id, current_members.msisdn, stg_billing.bill_month, stg_billing.total_fee_cny
    from current_members
    join stg_billing on stg_billing.msisdn = current_members.msisdn
),

prior_months as (
    select bills.*
    from bills
    anti join flagged_months
        on flagged_months.group_id = bills.group_id
       and flagged_months.msisdn = bills.msisdn
       and flagged_months.bill_month = bills.bill_month
    where bills.bill_month < (select bill_month from latest_month)
    qualify row_number() over (partition by bills.group_id, bills.msisdn order by bills.bill_month desc) <= $arpu_drop_baseline_months
),

baseline as (
    select
        group_id,
        msisdn,
        count(*) as baseline_months,
        min(bill_month) as baseline_from,
        max(bill_month) as baseline_to,
        median(total_fee_cny) as baseline_fee_cny
    from prior_months
    group by group_id, msisdn
),

judged as (
    select
        current_members.group_id,
        current_members.msisdn,
        current_members.status,
        bills.bill_month,
        cast(bills.total_fee_cny as double) as fee_cny,
        cast(coalesce(baseline.baseline_months, 0) as integer) as baseline_months,
        baseline.baseline_from,
        baseline.baseline_to,
        cast(baseline.baseline_fee_cny as double) as baseline_fee_cny,
        current_members.status = 'active'
            and coalesce(baseline.baseline_months, 0) >= $arpu_drop_min_months
            and coalesce(baseline.baseline_fee_cny >= $arpu_drop_min_baseline_fee_cny, false) as has_history
    from current_members
    join bills
        on bills.group_id = current_members.group_id
       and bills.msisdn = current_members.msisdn
       and bills.bill_month = (select bill_month from latest_month)
    left join baseline
        on baseline.group_id = current_members.group_id and baseline.msisdn = current_members.msisdn
),

trend as (
    select
        case when count(*) >= $baseline_population_min_members then median(fee_cny / baseline_fee_cny) else 1.0 end
            as population_ratio
    from judged
    where has_history
),

final as (
    select
        judged.*,
        trend.population_ratio,
        case when judged.has_history
            then 1 - judged.fee_cny / judged.baseline_fee_cny / nullif(trend.population_ratio, 0)
        end as drop_share
    from judged
    cross join trend
)

select * from final
