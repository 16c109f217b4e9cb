-- The published layer: what exports, dashboard loaders and the backtest read, and nothing else
-- from scoring (Evidence.dev's rule: pages read published tables, recompute nothing). Written by
-- the publish stage in the same transaction as the week's scores (pub_call_list: by the export,
-- when the list is built), so the CSVs, the call lists and the dashboard can never disagree about
-- a week. Every table carries `week`; publishing a week replaces its rows. Add columns, never rename.

-- Bookkeeping: each member's masked number and keyed pseudonym, computed once by the one masking
-- and pseudonym functions (pipelines/privacy) and kept per key, so SQL never re-derives them.
-- Grain: one row per key and number.
create table if not exists member_identities (
    key_id         varchar not null,   -- sha256 of the pseudonym key, 16 hex: a new key, new rows
    msisdn         varchar not null,
    member_key     varchar not null,
    msisdn_masked  varchar not null
);

-- Grain: one row per group and week (every group of the week's snapshot, quiet ones included).
create table if not exists pub_group_week (
    week                         varchar not null,
    group_id                     varchar not null,
    group_name                   varchar,
    group_class                  varchar,
    industry                     varchar,
    org_type                     varchar,
    employee_count               integer,
    branch                       varchar,
    manager_id                   varchar,
    manager_name                 varchar,
    contract_end                 date,
    members_listed               integer not null,
    members_active               integer not null,
    key_persons_listed           integer not null,  -- key persons on record, whatever their status
    key_persons_active           integer not null,
    members_lost                 integer not null,  -- closed, ported out or left the group this week
    members_ported               integer not null,
    revenue_cny                  double not null,   -- monthly billed revenue (int_group_sizes)
    minutes_per_member           double,            -- members active all week
    baseline_minutes_per_member  double,            -- the same members' own baselines (the signals')
    risk_score                   double not null,
    tier                         varchar not null,
    tier_rule                    varchar not null,
    signals                      varchar not null,  -- fired codes ';'-separated sorted, '' when none
    members_flagged              integer not null,
    key_persons_flagged          integer not null,
    reasons                      varchar not null,  -- the sentences of the signals behind the score, strongest first
    tier_reason                  varchar not null,  -- why the tier, '' for low
    reason_signals               varchar,           -- the signals those sentences speak for, ';'-separated
    families                     integer,           -- independent signal families at the high-tier severity
    previous_week                varchar,           -- the week published before this one
    previous_tier                varchar,
    previous_risk_score          double,
    config_hash                  varchar not null
);

-- Grain: one row per group, week and signal fired.
create table if not exists pub_group_signal (
    week                  varchar not null,
    group_id              varchar not null,
    signal                varchar not null,
    model                 varchar,
    severity              integer not null,
    members_affected      integer not null,
    key_persons_affected  integer not null,
    mid_high_affected     integer not null,
    since_week            varchar not null,
    metric_baseline       double,
    metric_now            double,
    metric_change         double,
    detail                json not null,
    level                 varchar,          -- group: a group-level measure; members: a roll-up of members' own
    reason                varchar not null
);

-- Grain: one row per group, week and network its members forward calls to.
create table if not exists pub_group_forwarding (
    week      varchar not null,
    group_id  varchar not null,
    network   varchar not null,   -- CMCC, CU, CT, FIXED, INTL, UNKNOWN
    calls     integer not null,   -- calls forwarded
    members   integer not null,   -- members forwarding
    targets   integer not null    -- distinct numbers forwarded to
);

-- Grain: one row per member (number in a group) and week, every member of the snapshot.
create table if not exists pub_member_week (
    week                 varchar not null,
    group_id             varchar not null,
    msisdn               varchar not null,  -- for the call lists only; pages show the two below
    msisdn_masked        varchar not null,
    member_key           varchar not null,
    role                 varchar,
    vip_level            varchar,
    is_key_person        boolean not null,
    is_mid_high_end      boolean not null,
    plan_fee_cny         double,
    join_date            date,
    status               varchar,
    status_date          date,
    contract_end         date,
    is_active            boolean not null,  -- active at week end
    active_all_week      boolean not null,
    departed_this_week   boolean not null,
    active_days          integer not null,
    last_seen_day        date,              -- last day a handset of the member was used this week
    calls_out            integer not null,
    calls_in             integer not null,
    minutes_total        double not null,
    bill_total_cny       double,
    baseline_weeks       integer not null,
    baseline_minutes     double,            -- the signals' own baseline (int_member_baselines)
    baseline_calls_out   double,
    handset_brand        varchar,
    handset_model        varchar,
    handset_dual_sim     boolean,
    handset_cdma2000     boolean
);

-- Grain: one row per member, week and signal fired.
create table if not exists pub_member_signal (
    week             varchar not null,
    group_id         varchar not null,
    msisdn           varchar not null,
    member_key       varchar not null,
    msisdn_masked    varchar not null,
    role             varchar,
    is_key_person    boolean not null,
    is_mid_high_end  boolean not null,
    signal           varchar not null,
    model            varchar,
    severity         integer not null,
    since_week       varchar not null,
    metric_baseline  double,
    metric_now       double,
    metric_change    double,
    detail           json not null,
    reason           varchar not null
);

-- Grain: one row per call-list line (manager, person) and week, in the list's order; a group with
-- no key person left to call has one line of its own (person columns null).
create table if not exists pub_call_list (
    week              varchar not null,
    manager_id        varchar,             -- null: groups with no manager in the extract
    priority          integer not null,
    due_date          date not null,
    group_id          varchar not null,
    group_name        varchar,
    group_class       varchar,
    tier              varchar not null,
    risk_score        double not null,
    person_role       varchar,
    is_key_person     boolean not null,
    person_status     varchar,             -- active | suspended
    msisdn            varchar,
    msisdn_masked     varchar,
    member_key        varchar,
    reason            varchar not null,
    suggested_action  varchar not null,
    carried_over      boolean              -- on last week's list, not reached, still at risk
);

-- Grain: one row per call-list line (week, manager, group, person) with what its manager reported
-- (the latest return for it; nulls when none came back). Free text stays in feedback_calls:
-- pages show categories and counts only. Rewritten for a week when its list is built and when a
-- return for it is loaded.
create table if not exists pub_call_follow_up (
    week              varchar not null,
    manager_id        varchar,
    priority          integer not null,
    due_date          date not null,
    group_id          varchar not null,
    msisdn            varchar,
    member_key        varchar,
    tier              varchar not null,
    is_key_person     boolean not null,
    carried_over      boolean not null,
    returned          boolean not null,  -- a return with anything filled in
    contact_result    varchar,           -- reached | not_reached | refused
    outcome           varchar,           -- stable | at_risk | retained | lost
    competitor        varchar,           -- CU | CT | none | unknown
    offer_reported    boolean not null,  -- the manager wrote down a competitor's offer (its text stays in feedback_calls)
    contacted_on      date
);

-- warehouses published before call lists had group lines and the person's status
alter table pub_call_list add column if not exists person_status varchar;
alter table pub_call_list add column if not exists carried_over boolean;
alter table pub_call_list alter column msisdn drop not null;
alter table pub_call_list alter column msisdn_masked drop not null;
alter table pub_call_list alter column member_key drop not null;
