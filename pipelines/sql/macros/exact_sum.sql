-- Defines exact_sum(x): the sum of a floating-point column, the same to the last digit on every run.
-- DuckDB adds doubles in whatever order its threads meet the rows, so a plain sum differs in its
-- last digits from one run to the next, and so would every stored metric and score built on it.
-- Each term is fixed to 9 decimals (far below any figure shown) and added exactly as a decimal.
-- An aggregate's FILTER does not apply to a macro: filter inside, exact_sum(case when … then x end).
create or replace temp macro exact_sum(x) as
    cast(sum(cast(x as decimal(38, 9))) as double)
