-- SEL101-GUARANTEE: treatment may start as late as day 14 ("senest 14 dage efter"), so the guarantee
-- is reached when day 14 has passed, not when it begins. Treatment guarantees scheduled before this
-- change move to the start of the day after their last day, in Copenhagen time.
UPDATE scheduled_tasks t
SET execution_time = ((t.execution_time AT TIME ZONE 'Europe/Copenhagen') + interval '1 day') AT TIME ZONE 'Europe/Copenhagen'
FROM deadline_schedule m
WHERE m.schedule_id = t.task_instance
  AND m.deadline_name LIKE 'deadline:%/treatment-guarantee'
  AND t.picked = false;
