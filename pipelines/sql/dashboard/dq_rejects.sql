-- Rejected rows counted per week, file and reason (raw_line, which holds personal data, stays here).
select week, file, coalesce(column_name, '') as column_name, reason, count(*)::integer as rows
from raw_rejects
group by all
order by week, file, rows desc
