-- Signal quality: per level, kind, subject and label, how many warned units churned within the
-- horizon against the base rate (the backtest's own figures; null where it has none).
select level, kind, subject, label, display_order, horizon_weeks, weeks_counted, population, base_churners, churn_events_warned,
       base_rate, flagged, flagged_churned, precision, recall, lift, auc, median_weeks_to_churn
from backtest_results
where run_id = $run_id
order by level, label, display_order
