-- Signal quality: the cumulative gains curve of the group risk score, per label.
select label, top_percent, population_share, churner_share, lift
from backtest_gains
where run_id = $run_id
order by label, top_percent
