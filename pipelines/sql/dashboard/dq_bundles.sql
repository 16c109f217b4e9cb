-- Reads:  raw_bundles (bookkeeping).
-- Grain:  one row per week and table of the bundle in the warehouse.
-- Why:    rows accepted per week and table, and when the bundle was loaded. loaded_at is stored in
--         UTC; people read Beijing time (北京时间, UTC+8).
select b.week,
       strftime(timezone('Asia/Shanghai', timezone('UTC', b.loaded_at)), '%Y-%m-%d %H:%M:%S') as loaded_at,
       t.key as table_name,
       cast(t.value as bigint) as rows
from raw_bundles b, json_each(b.rows_by_table) t
order by b.week, table_name
