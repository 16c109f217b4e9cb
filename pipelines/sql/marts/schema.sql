-- The scoring layer's persisted tables: what the exports, the dashboard and later weeks' baselines
-- read. Every table carries `week`; re-scoring a week deletes its rows and inserts the new ones in
-- one transaction (pipelines/score/scoreWeek.ts). Column names of member_signals, group_signals,
-- group_scores and score_runs are an interface (issue "Signals, baselines and explained group risk
-- scores"): add columns, never rename.

-- one row per member (msisdn in a group) and week: usage, forwarding, handset, status, bill.
-- Written once per week, then read as history by every later week (the week's CDRs are scanned once).
create table if not exists member_week_features (
    week                     varchar not null,
    group_id                 varchar not null,
    msisdn                   varchar not null,
    role                     varchar,
    is_key_person            boolean not null,
    vip_level                varchar,
    is_mid_high_end          boolean not null,
    plan_fee_cny             decimal(12, 2),
    join_date                date,
    status                   varchar,        -- at week end
    status_date              date,
    contract_end             date,
    joined_this_week         boolean not null,
    partial_week             boolean not null,  -- joined, or changed status, during the week
    departed_this_week       boolean not null,  -- closed, ported out or left the group this week
    calls_out                integer not null,
    calls_in                 integer not null,
    minutes_out              double not null,
    minutes_in               double not null,
    minutes_total            double not null,
    sms_out                  integer not null,
    sms_in                   integer not null,
    active_days              integer not null,  -- days with any record
    outgoing_days            integer not null,  -- days with an outgoing call
    distinct_contacts        integer not null,
    calls_cmcc               integer not null,  -- calls (out + in) per network of the other party
    calls_cu                 integer not null,
    calls_ct                 integer not null,
    calls_fixed              integer not null,
    calls_intl               integer not null,
    calls_unknown            integer not null,
    minutes_cmcc             double not null,
    minutes_cu               double not null,
    minutes_ct               double not null,
    share_calls_cu           double,            -- null when no call
    share_calls_ct           double,
    share_minutes_cu         double,
    share_minutes_ct         double,
    fwd_calls                integer not null,  -- CFW records
    fwd_days                 integer not null,
    fwd_targets              integer not null,
    fwd_calls_same_group     integer not null,  -- forwarded to a colleague's number
    fwd_targets_same_group   integer not null,
    fwd_calls_off_group      integer not null,
    fwd_days_off_group       integer not null,
    fwd_targets_off_group    integer not null,
    fwd_calls_competitor     integer not null,  -- forwarded to CU/CT numbers
    fwd_days_competitor      integer not null,
    fwd_targets_competitor   integer not null,
    fwd_networks_off_group   varchar not null,  -- networks of off-group targets, ';'-separated sorted
    handsets_seen            integer not null,
    imei_latest              varchar,           -- handset of the week's last day of use (most days on a tie)
    tac_latest               varchar,
    imei_latest_days         integer,
    imei_latest_first_day    date,
    imei_latest_last_day     date,
    handset_dual_sim         boolean,
    handset_cdma2000         boolean,
    any_dual_sim             boolean not null,
    any_cdma2000             boolean not null,
    bill_month               varchar,           -- latest closed month delivered by this week
    bill_total_cny           decimal(12, 2),
    config_hash              varchar not null
);

-- one row per member, other party and week, for the member's most frequent contacts
-- (signals.contactsKeptPerMember) and every forwarding target: the call graph.
create table if not exists member_contact_week (
    week            varchar not null,
    msisdn          varchar not null,
    other_party     varchar not null,
    other_network   varchar,                   -- as of the last record of the week
    calls_out       integer not null,
    calls_in        integer not null,
    minutes         double not null,
    sms             integer not null,
    fwd_calls       integer not null,
    active_days     integer not null,
    contact_rank    integer not null,          -- 1 = most calls (then SMS) that week
    config_hash     varchar not null
);

-- one row per (member, signal) fired in the week
create table if not exists member_signals (
    week             varchar not null,
    group_id         varchar not null,
    msisdn           varchar not null,
    signal           varchar not null,
    model            varchar,                  -- dual_phone: fired models, ';'-separated sorted
    severity         integer not null,         -- 1..3
    detail           json not null,            -- the numbers behind it
    config_hash      varchar not null,
    is_key_person    boolean not null,
    is_mid_high_end  boolean not null,
    since_week       varchar not null,         -- first week of the current run of weeks it fired
    metric_baseline  double,
    metric_now       double,
    metric_change    double                    -- relative change, e.g. -0.62
);

-- one row per (group, signal) fired in the week: group-level measures and member roll-ups
create table if not exists group_signals (
    week                 varchar not null,
    group_id             varchar not null,
    signal               varchar not null,
    severity             integer not null,
    members_affected     integer not null,
    detail               json not null,
    config_hash          varchar not null,
    model                varchar,              -- which measure or models fired, ';'-separated sorted
    key_persons_affected integer not null,
    mid_high_affected    integer not null,
    since_week           varchar not null,
    metric_baseline      double,
    metric_now           double,
    metric_change        double,
    level                varchar               -- group: a group-level measure; members: a roll-up of members' own
);

-- one row per group in the week's snapshot
create table if not exists group_scores (
    week                 varchar not null,
    group_id             varchar not null,
    risk_score           double not null,      -- 0..100
    tier                 varchar not null,     -- high | medium | low
    signals              varchar not null,     -- fired codes ';'-separated sorted, '' when none
    members_active       integer not null,
    members_flagged      integer not null,
    config_hash          varchar not null,
    inputs_fingerprint   varchar not null,
    scored_at            timestamp not null,
    key_persons_flagged  integer not null,
    tier_rule            varchar not null,     -- why the tier: score, call_now, families, ported_plus
    reason_signals       varchar,              -- the signals whose sentences explain the score, strongest first, ';'-separated
    families             integer               -- independent signal families at the high-tier severity
);

-- one row per week currently scored
create table if not exists score_runs (
    week                varchar not null,
    config_hash         varchar not null,
    inputs_fingerprint  varchar not null,
    scored_at           timestamp not null,
    duration_ms         bigint not null,
    report              json not null,
    config              json                  -- the effective configuration the week was scored with
);
-- warehouses scored before these columns changed (the words moved to the publish stage)
alter table score_runs add column if not exists config json;
alter table group_signals drop column if exists reason;
alter table group_signals add column if not exists level varchar;
alter table group_scores drop column if exists reasons;
alter table group_scores add column if not exists reason_signals varchar;
alter table group_scores add column if not exists families integer;
