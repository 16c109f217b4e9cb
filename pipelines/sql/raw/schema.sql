-- The warehouse's loaded tables: one row per source row of a bundle, typed, tagged with the
-- bundle's ISO week. Re-delivering a week deletes that week's rows and inserts the new ones,
-- so every table carries `week`. No PRIMARY KEY constraints: uniqueness is checked by the
-- loader (and rejected rows kept in raw_rejects), and ART indexes would slow a 40 M-row load.

-- one row per week: the delivery currently in the warehouse for that week
create table if not exists raw_bundles (
    week          varchar not null,   -- 'YYYY-Www'
    checksum      varchar not null,   -- sha256 over the bundle's content (see README)
    manifest_sha256 varchar not null, -- with file_bytes and file_mtimes: the cheap "same delivery" test
    file_bytes    json not null,      -- {"cdr/cdr_20261109.csv": 123456, ...} sizes as delivered
    generated_at  varchar,
    loaded_at     timestamp not null,
    rows_by_table json not null       -- {"cdr": 123, ...} rows accepted
);
-- {"cdr/cdr_20261109.csv": "1763250000123456789", ...} modification times (ns) as delivered: a
-- correction that keeps a file's size still changes its time. Added after the first release, so
-- warehouses from before get it here (null: their next load reads the files once).
alter table raw_bundles add column if not exists file_mtimes json;

-- one row per load attempt (loaded, skipped, replaced or failed): the audit trail
create table if not exists load_runs (
    started_at   timestamp not null,
    finished_at  timestamp not null,
    bundle       varchar not null,    -- folder name, never a path outside the extracts root
    week         varchar,
    checksum     varchar,
    outcome      varchar not null,    -- loaded | replaced | unchanged | failed
    message      varchar,
    duration_ms  bigint not null,
    report       json                 -- rows and rejects per file, no personal values
);

-- one row per group and week (snapshot at week end)
create table if not exists raw_groups (
    week           varchar not null,
    group_id       varchar not null,
    group_name     varchar not null,
    group_class    varchar,
    industry       varchar,
    org_type       varchar,
    employee_count integer,
    annual_revenue_10k_cny decimal(18, 2),
    address        varchar,
    phone          varchar,
    branch         varchar,
    manager_id     varchar,
    contract_end   date
);

-- one row per manager and week
create table if not exists raw_managers (
    week         varchar not null,
    manager_id   varchar not null,
    manager_name varchar,
    branch       varchar,
    phone        varchar,
    email        varchar
);

-- one row per (msisdn, group) and week (snapshot at week end, leavers included)
create table if not exists raw_members (
    week          varchar not null,
    msisdn        varchar not null,
    group_id      varchar not null,
    role          varchar,
    vip_level     varchar,
    join_date     date,
    status        varchar,
    status_date   date,
    plan_fee_cny  decimal(12, 2),
    contract_end  date
);

-- one row per usage record
create table if not exists raw_cdr (
    week          varchar not null,
    record_id     varchar not null,
    msisdn        varchar not null,
    record_type   varchar not null,
    other_party   varchar,
    other_network varchar,
    start_time    timestamp not null,
    duration_s    integer,
    cell_id       varchar,
    imei          varchar
);

-- one row per (msisdn, bill month) per delivering week; the latest delivering week wins (stg view)
create table if not exists raw_billing (
    week           varchar not null,
    msisdn         varchar not null,
    bill_month     varchar not null,  -- 'YYYY-MM'
    total_fee_cny  decimal(12, 2),
    voice_fee_cny  decimal(12, 2),
    data_fee_cny   decimal(12, 2),
    sms_fee_cny    decimal(12, 2),
    other_fee_cny  decimal(12, 2)
);

-- one row per handset model per delivering week
create table if not exists raw_tac (
    week      varchar not null,
    tac       varchar not null,
    brand     varchar,
    model     varchar,
    sim_slots integer,
    networks  varchar,               -- '|'-separated, as delivered
    launched  integer
);

-- one row per refused source row of the delivery currently loaded for `week`
create table if not exists raw_rejects (
    week        varchar not null,
    file        varchar not null,    -- path inside the bundle
    line        bigint not null,     -- physical line in the file (header = line 1)
    column_name varchar,
    reason      varchar not null,    -- never contains the field's value
    raw_line    varchar              -- kept for repair; personal data, warehouse only
);
