-- Reads:  nothing.
-- Writes: temp table signal_rows (empty). Grain: one row per (member, signal) fired, or per
--         (group, signal) for a group-level measure (msisdn null).
-- Why:    the one shape every sig_*.sql inserts (`insert ... by name`, so a signal missing a
--         column or naming one wrongly fails loudly); member_signals and group_signals are built
--         from it.
create or replace temp table signal_rows (
    week              varchar not null,
    group_id          varchar not null,
    msisdn            varchar,            -- null for a group-level row
    signal            varchar not null,
    model             varchar,            -- which model or measure fired, ';'-separated sorted
    severity          integer not null,   -- 1..3
    metric_baseline   double,
    metric_now        double,
    metric_change     double,             -- relative change (now / baseline − 1)
    members_affected  integer,            -- group rows
    detail            json not null       -- the numbers: the publish stage words them (reasonTemplates.ts)
)
