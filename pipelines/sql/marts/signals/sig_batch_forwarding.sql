-- Reads:  int_member_baselines, member_contact_week and member_week_features of the week $week,
--         int_group_sizes.
-- Writes: inserts into signal_rows. Grain: one row per member of a forwarding batch, and one per
--         group with a batch (msisdn null).
-- Why:    成员批量呼叫转移: several members of one group have newly taken up forwarding their
--         calls to numbers outside the group. A member forwards when at least
--         $batch_forwarding_min_calls calls on $batch_forwarding_min_days days went to numbers that
--         are not a colleague's (forwarding to a colleague is ordinary absence cover), and it is a
--         new habit: the baseline median of such calls is at most $batch_forwarding_max_baseline_calls.
--         The baseline leaves out weeks already flagged, so the batch stays flagged while it
--         lasts. Severity 3: $batch_forwarding_severity3_members members forward to competitors
--         (CU/CT); 2: $batch_forwarding_min_members of them; 1: the batch forwards on-net.
insert into signal_rows by name
with forwarding as (
    select
        *,
        fwd_calls_competitor / fwd_calls_off_group >= $batch_forwarding_competitor_share as to_competitor
    from int_member_baselines
    where has_history
      and fwd_calls_off_group >= $batch_forwarding_min_calls
      and fwd_days_off_group >= $batch_forwarding_min_days
      and baseline_fwd_calls_off_group <= $batch_forwarding_max_baseline_calls
),

-- where the batch's calls go: off-group targets, and how many members share each
targets as (
    select
        forwarding.group_id,
        contacts.other_party,
        any_value(contacts.other_network) as other_network,
        count(distinct contacts.msisdn) as members
    from forwarding
    join member_contact_week as contacts
        on contacts.week = $week and contacts.msisdn = forwarding.msisdn and contacts.fwd_calls > 0
    anti join member_week_features as colleagues
        on colleagues.week = $week
       and colleagues.group_id = forwarding.group_id
       and colleagues.msisdn = contacts.other_party
    group by forwarding.group_id, contacts.other_party
),

group_targets as (
    select
        group_id,
        count(*) as distinct_targets,
        count(*) filter (where members > 1) as shared_targets,
        list_sort(list_distinct(list(other_network) filter (where other_network in ('CU', 'CT')))) as competitor_networks
    from targets
    group by group_id
),

groups as (
    select
        forwarding.group_id,
        count(*) as members_forwarding,
        count(*) filter (where to_competitor) as members_to_competitor,
        sum(fwd_calls_off_group) as calls_forwarded,
        sum(fwd_calls_competitor) as calls_to_competitor,
        min(baseline_fwd_calls_off_group) as baseline_calls
    from forwarding
    group by forwarding.group_id
    having count(*) >= $batch_forwarding_min_members
),

groups_graded as (
    select
        groups.*,
        group_targets.distinct_targets,
        group_targets.shared_targets,
        group_targets.competitor_networks,
        int_group_sizes.members_active,
        case
            when members_to_competitor >= $batch_forwarding_severity3_members then 3
            when members_to_competitor >= $batch_forwarding_min_members then 2
            else 1
        end as severity
    from groups
    join int_group_sizes on int_group_sizes.group_id = groups.group_id
    left join group_targets on group_targets.group_id = groups.group_id
),

member_rows as (
    select
        $week as week,
        forwarding.group_id,
        forwarding.msisdn,
        'batch_forwarding' as signal,
        null as model,
        case when forwarding.to_competitor then groups_graded.severity else 1 end as severity,
        forwarding.baseline_fwd_calls_off_group as metric_baseline,
        forwarding.fwd_calls_off_group as metric_now,
        null as metric_change,
        null as members_affected,
        json_object(
            'calls_forwarded', forwarding.fwd_calls_off_group,
            'days', forwarding.fwd_days_off_group,
            'numbers', forwarding.fwd_targets_off_group,
            'calls_to_competitor', forwarding.fwd_calls_competitor,
            'networks', forwarding.fwd_networks_off_group,
            'baseline_calls', forwarding.baseline_fwd_calls_off_group,
            'baseline_weeks', forwarding.baseline_weeks
        ) as detail
    from forwarding
    join groups_graded on groups_graded.group_id = forwarding.group_id
),

group_rows as (
    select
        $week as week,
        group_id,
        null as msisdn,
        'batch_forwarding' as signal,
        null as model,
        severity,
        baseline_calls as metric_baseline,
        calls_forwarded as metric_now,
        null as metric_change,
        members_forwarding as members_affected,
        json_object(
            'members_forwarding', members_forwarding,
            'members_to_competitor', members_to_competitor,
            'calls_forwarded', calls_forwarded,
            'calls_to_competitor', calls_to_competitor,
            'distinct_numbers', distinct_targets,
            'numbers_shared_by_members', shared_targets,
            'competitor_networks', array_to_string(competitor_networks, ';')
        ) as detail
    from groups_graded
),

final as (
    select * from member_rows
    union all by name
    select * from group_rows
)

select * from final
