-- Reads:   $calls, the call records of one returned file as JSON [{group_id, msisdn}].
-- Writes:  deletes from feedback_calls the earlier returns for those calls: manager $manager_id's
--          lines of week $week with the same group and person.
-- Why:     a later return for a call replaces the earlier (outputs.md); feedback_calls keeps one
--          row per call-list line. Run in the same transaction as the insert of the new returns.
delete from feedback_calls
where week = $week
  and manager_id is not distinct from $manager_id::varchar
  and exists (
      select 1
      from (select unnest(from_json($calls, '[{"group_id":"VARCHAR","msisdn":"VARCHAR"}]'), recursive := true)) as returned
      where returned.group_id = feedback_calls.group_id
        and returned.msisdn is not distinct from feedback_calls.msisdn
  )
