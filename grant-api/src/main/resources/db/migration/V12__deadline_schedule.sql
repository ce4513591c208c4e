-- Each deadline is scheduled under a name of its own ("deadline:<deadline id>"); this table maps
-- the name to db-scheduler's task, written in the same transaction as the scheduled task, so a
-- deadline is cancelled by its name alone and no scheduler token is kept in an event.
CREATE TABLE deadline_schedule (
    deadline_name VARCHAR(255) PRIMARY KEY,
    schedule_id   VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Deadlines scheduled before events stopped carrying the scheduler token: map each one still
-- waiting in db-scheduler from the token its opening event recorded.
INSERT INTO deadline_schedule (deadline_name, schedule_id)
SELECT 'deadline:' || (p ->> 'deadlineKey'), p ->> 'scheduleId'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
      WHERE payloadrevision = '1' AND position('scheduleId' IN convert_from(payload, 'UTF8')) > 0) stored
WHERE p ->> 'scheduleId' IS NOT NULL AND p ->> 'deadlineKey' IS NOT NULL
  AND EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_instance = p ->> 'scheduleId')
ON CONFLICT (deadline_name) DO NOTHING;
