-- Bundles in the warehouse: one row per week and table, with the rows accepted.
select b.week, strftime(b.loaded_at, '%Y-%m-%d %H:%M') as loaded_at, t.key as table_name,
       cast(t.value as bigint) as rows
from raw_bundles b, json_each(b.rows_by_table) t
order by b.week, table_name
