-- Defines the shapes the contract's typed values must have as text, tested before any cast.
-- Why: DuckDB's casts are lenient and would load, converted, what the contract's types refuse:
--      as an integer '3.7' becomes 4, '0x10' 16, '1_000' 1000, '+7' and ' 7' 7; as a date
--      '2026-1-5', '2026/01/05' and year 99999 pass; as a timestamp '24:00:00' is the next day.
--      A value either has the contract's plain form or the record is refused, naming the rule.
-- Used by: the check models (raw/check_*.sql), as temp macros of the loading connection. Each is
--          true or false, never null, so `not is_…(t)` refuses a value it cannot read.

-- integer >= 0: digits only; the round trip through the cast also bounds it to an integer and
-- refuses leading zeros, and costs less than a regex on a 40 M-row column (duration_s)
create or replace temp macro is_count_text(t) as
    coalesce(cast(try_cast(t as integer) as varchar) = t, false);

-- decimal >= 0, as money and revenue are given: digits, at most two decimals
create or replace temp macro is_amount_text(t) as
    coalesce(regexp_full_match(t, '[0-9]+(\.[0-9]{1,2})?'), false);

-- a bill's amount, which a correction may make negative (a refund)
create or replace temp macro is_signed_amount_text(t) as
    coalesce(regexp_full_match(t, '-?[0-9]+(\.[0-9]{1,2})?'), false);

-- YYYY-MM-DD, a day that exists
create or replace temp macro is_date_text(t) as
    coalesce(regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2}') and try_cast(t as date) is not null, false);

-- YYYY-MM-DD HH:MM:SS, hours 00-23, a day that exists
create or replace temp macro is_timestamp_text(t) as
    coalesce(regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]')
        and try_cast(t as timestamp) is not null, false);

-- a year, four digits
create or replace temp macro is_year_text(t) as
    coalesce(regexp_full_match(t, '[0-9]{4}'), false);
