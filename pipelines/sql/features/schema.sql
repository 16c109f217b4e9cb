-- The week's features: what scoring needs of the usage records, computed once, when the bundle is
-- loaded, inside its transaction (pipelines/features/computeWeekFeatures.ts). Only this stage
-- grows with calls; everything after it grows with members. Scoring never scans raw_cdr again, so
-- raw records need be kept only as long as a re-delivery or an audit may want them
-- (ingest.rawCdrRetentionWeeks), features for as long as history is judged. These two tables are
-- the boundary a distributed engine may produce instead (feature bundles).

-- Grain: one row per week, member and other party with its network (a number ported during the
-- week has a row per network): the contact ties.
create table if not exists feat_member_contact (
    week           varchar not null,
    msisdn         varchar not null,
    other_party    varchar,           -- null for records without one
    other_network  varchar,
    calls_out      integer not null,
    seconds_out    bigint not null,
    calls_in       integer not null,
    seconds_in     bigint not null,
    sms_out        integer not null,
    sms_in         integer not null,
    fwd_calls      integer not null,
    day_mask       integer not null,  -- days with any record, bit 0 = Monday
    out_day_mask   integer not null,  -- days with an outgoing call
    fwd_day_mask   integer not null   -- days with a forwarded call
);

-- Grain: one row per week, member and handset (IMEI, null for records without one).
create table if not exists feat_member_handset (
    week      varchar not null,
    msisdn    varchar not null,
    imei      varchar,
    records   integer not null,
    day_mask  integer not null
);

-- Bookkeeping: the weeks whose features are stored (a week may have none: no usage at all).
create table if not exists feature_weeks (
    week           varchar not null,
    source         varchar not null,   -- raw_cdr: computed from the loaded records
    contact_rows   bigint not null,
    handset_rows   bigint not null,
    computed_at    timestamp not null  -- UTC
);
