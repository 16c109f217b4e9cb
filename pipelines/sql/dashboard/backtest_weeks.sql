-- Signal quality: which weeks count (their horizon is loaded) and how many churned after each.
select week, horizon_end_week, horizon_complete, members, member_churners_any, member_churners_ported,
       groups, group_churners_any, group_churners_ported
from backtest_weeks
where run_id = $run_id
order by week
