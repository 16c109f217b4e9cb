-- Reads:   pub_call_list of week $week.
-- Returns: one row per manager with a list that week (manager_id null: the groups without one).
-- Why:     a returned file is taken for one manager's list of one week: the week must have a
--          published list, and the manager the file names (or its file name, as the export
--          names it) must be one of that week's.
select distinct manager_id
from pub_call_list
where week = $week
order by manager_id nulls first
