-- Reads:  backtest_follow_up (bookkeeping of the latest backtest run $run_id).
-- Grain:  one row per label, follow-up and recorded outcome.
-- Why:    Signal quality's evidence that calling works: warned groups reached or not, and how many
--         churned within the horizon, with the counts behind every share.
select label, follow_up, outcome, warned_groups, churned, churn_rate
from backtest_follow_up
where run_id = $run_id
order by label, follow_up, outcome
