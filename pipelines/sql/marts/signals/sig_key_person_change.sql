-- Reads:  member_week_features of the week $week and of the previous loaded week, stg_weeks,
--         int_group_sizes.
-- Writes: inserts into signal_rows. Grain: one row per group whose key-person health fails
--         (msisdn null), and one per key person of it who left the group, ported out, closed the
--         line or changed role this week.
-- Why:    关键人变动: a group with no decision maker or no contact on record, or whose key person
--         left, ported out, closed the line or changed role, has lost its voice inside the
--         customer: it needs a visit to rebuild the relationship and update the key-person
--         records. "On record" counts the members listed active or suspended (a suspended key
--         person is still the group's, and the person to call); a contact is a member in the role
--         `contact`, or the decision maker when $key_person_change_decision_maker_is_contact (in a
--         small group the boss is the contact). Changes compare this week's snapshot with the
--         previous loaded week's: a key person listed there (active or suspended) who is listed
--         this week as closed, ported out or left the group, or is not listed at all (left
--         unreported: counted, but with no member row, as there is no member left to show); and a
--         member whose role changed from or to a key role. The first loaded week has no
--         previous week: only what is on record is judged.
-- Severity: 3 when the group has no decision maker on record, its decision maker is gone or no
--         longer decision maker, or $key_person_change_severity3_key_persons key persons changed
--         in the week; 2 otherwise (one key person gone or changed role, no contact on record).
--         A member row is 3 for a decision maker (before or now), else 2.
insert into signal_rows by name
with previous_week as (
    select previous_week as week from stg_weeks where is_scored_week and previous_week is not null
),

this_week as (
    select * from member_week_features where week = $week
),

-- last week's members still with the group then
last_week as (
    select features.*
    from member_week_features as features
    join previous_week on previous_week.week = features.week
    where features.status in ('active', 'suspended')
),

listed_departures as (
    select
        this_week.group_id,
        this_week.msisdn,
        this_week.status as change,
        coalesce(last_week.role, this_week.role) as role_before,
        cast(null as varchar) as role_now,
        true as listed
    from this_week
    left join last_week on last_week.group_id = this_week.group_id and last_week.msisdn = this_week.msisdn
    where this_week.departed_this_week
      and coalesce(last_week.is_key_person, this_week.is_key_person)
),

unlisted_departures as (
    select
        last_week.group_id,
        last_week.msisdn,
        'left_group' as change,
        last_week.role as role_before,
        cast(null as varchar) as role_now,
        false as listed
    from last_week
    anti join this_week on this_week.group_id = last_week.group_id and this_week.msisdn = last_week.msisdn
    where last_week.is_key_person
),

role_changes as (
    select
        this_week.group_id,
        this_week.msisdn,
        'role_changed' as change,
        last_week.role as role_before,
        this_week.role as role_now,
        true as listed
    from this_week
    join last_week on last_week.group_id = this_week.group_id and last_week.msisdn = this_week.msisdn
    where this_week.status in ('active', 'suspended')
      and this_week.role is distinct from last_week.role
      and (this_week.is_key_person or last_week.is_key_person)
),

changes as (
    select * from listed_departures
    union all by name select * from unlisted_departures
    union all by name select * from role_changes
),

changes_per_group as (
    select
        group_id,
        count(*) as key_persons_changed,
        count(*) filter (where change = 'left_group') as key_persons_left,
        count(*) filter (where change = 'ported_out') as key_persons_ported,
        count(*) filter (where change = 'closed') as key_persons_closed,
        count(*) filter (where change = 'role_changed') as role_changes,
        count(*) filter (where role_before = 'decision_maker' and role_now is distinct from 'decision_maker')
            as decision_makers_gone,
        count(*) filter (where listed) as key_persons_listed
    from changes
    group by group_id
),

-- groups with members on record; a group with nobody left is retention_drop's business
on_record as (
    select
        group_id,
        count(*) filter (where role = 'decision_maker') as decision_makers,
        count(*) filter (where role = 'contact'
                            or (role = 'decision_maker' and $key_person_change_decision_maker_is_contact)) as contacts,
        count(*) filter (where is_key_person) as key_persons
    from this_week
    where status in ('active', 'suspended')
    group by group_id
),

groups_judged as (
    select
        int_group_sizes.group_id,
        coalesce(on_record.decision_makers = 0, false) as no_decision_maker,
        coalesce(on_record.contacts = 0, false) as no_contact,
        coalesce(on_record.key_persons, 0) as key_persons_on_record,
        coalesce(changes_per_group.key_persons_changed, 0) as key_persons_changed,
        coalesce(changes_per_group.key_persons_left, 0) as key_persons_left,
        coalesce(changes_per_group.key_persons_ported, 0) as key_persons_ported,
        coalesce(changes_per_group.key_persons_closed, 0) as key_persons_closed,
        coalesce(changes_per_group.role_changes, 0) as role_changes,
        coalesce(changes_per_group.decision_makers_gone, 0) as decision_makers_gone,
        coalesce(changes_per_group.key_persons_listed, 0) as key_persons_listed
    from int_group_sizes
    left join on_record on on_record.group_id = int_group_sizes.group_id
    left join changes_per_group on changes_per_group.group_id = int_group_sizes.group_id
),

groups_graded as (
    select
        *,
        case
            when no_decision_maker
              or decision_makers_gone > 0
              or key_persons_changed >= $key_person_change_severity3_key_persons then 3
            else 2
        end as severity
    from groups_judged
    where no_decision_maker or no_contact or key_persons_changed > 0
),

group_rows as (
    select
        $week as week,
        group_id,
        null as msisdn,
        'key_person_change' as signal,
        null as model,
        severity,
        null as metric_baseline,
        key_persons_on_record as metric_now,
        null as metric_change,
        key_persons_listed as members_affected,
        json_object(
            'no_decision_maker', no_decision_maker,
            'no_contact', no_contact,
            'key_persons_on_record', key_persons_on_record,
            'key_persons_left', key_persons_left,
            'key_persons_ported', key_persons_ported,
            'key_persons_closed', key_persons_closed,
            'role_changes', role_changes,
            'decision_makers_gone', decision_makers_gone
        ) as detail
    from groups_graded
),

member_rows as (
    select
        $week as week,
        changes.group_id,
        changes.msisdn,
        'key_person_change' as signal,
        changes.change as model,
        case when 'decision_maker' in (changes.role_before, changes.role_now) then 3 else 2 end as severity,
        null as metric_baseline,
        null as metric_now,
        null as metric_change,
        null as members_affected,
        json_object('change', changes.change, 'role_before', changes.role_before, 'role_now', changes.role_now) as detail
    from changes
    semi join group_rows on group_rows.group_id = changes.group_id
    where changes.listed
),

final as (
    select * from group_rows
    union all by name
    select * from member_rows
)

select * from final
