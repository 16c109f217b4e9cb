-- Writes:  one row into feedback_files: the returned file $sha256 ($file_name), whose list it answers
--          ($manager_id, $week, when known), the call records taken ($rows), $outcome (loaded |
--          refused), $message (why refused: file, row, column and reason, never a value), $loaded_at.
-- Why:     the bookkeeping of every return: which files were loaded and which refused, and why.
insert into feedback_files (sha256, file_name, manager_id, week, rows, outcome, message, loaded_at)
values ($sha256, $file_name, $manager_id::varchar, $week::varchar, $rows, $outcome, $message::varchar, $loaded_at::timestamp)
