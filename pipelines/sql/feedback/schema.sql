-- What managers report back on their call lists (outputs.md "Feedback: a returned call list";
-- domain.md "Closing the loop"). Written by `churnwatch feedback` (pipelines/feedback/), one
-- transaction per returned file. Free text (competitor_offer, note) is business and personal data:
-- it stays here, never in logs, reports or the dashboard (which shows categories and counts).

-- Grain: one row per returned file ever loaded (or refused), by its content checksum: loading the
-- same bytes again changes nothing. A refused file keeps one row per checksum and name (its latest
-- refusal), which goes when the same bytes load.
create table if not exists feedback_files (
    sha256       varchar not null,    -- of the file's bytes ('' when refused unread: a link, too large)
    file_name    varchar not null,    -- its path under the folder loaded (its name, for a file given alone)
    manager_id   varchar,             -- whose list it answers (null when refused before that is known)
    week         varchar,             -- the list's week
    rows         integer not null,    -- feedback rows taken from it (0 when refused)
    outcome      varchar not null,    -- loaded | refused
    message      varchar,             -- why refused: file, row, column and reason, never a value
    loaded_at    timestamp not null   -- UTC
);

-- Grain: one row per call-list line answered (week, manager, group, person); the latest return for
-- a line replaces the earlier one. msisdn is null for a group's own line (no key person left).
create table if not exists feedback_calls (
    week               varchar not null,
    manager_id         varchar,
    group_id           varchar not null,
    msisdn             varchar,
    contact_result     varchar,         -- reached | not_reached | refused
    outcome            varchar,         -- stable | at_risk | retained | lost
    competitor         varchar,         -- CU | CT | none | unknown
    competitor_offer   varchar,         -- free text: warehouse only
    note               varchar,         -- free text: warehouse only
    contacted_on       date,
    file_sha256        varchar not null,
    loaded_at          timestamp not null  -- UTC
);
