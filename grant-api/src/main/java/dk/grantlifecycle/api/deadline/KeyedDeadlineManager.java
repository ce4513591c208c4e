package dk.grantlifecycle.api.deadline;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dk.grantlifecycle.domain.deadline.Deadline;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.List;

/**
 * The deadline manager the aggregates use: Axon's db-scheduler deadline manager, plus a table that
 * remembers which scheduled task carries each deadline. The domain schedules every deadline under
 * its own name ({@link Deadline#scheduleName}) and cancels it by that name alone, so no scheduler
 * token is kept in an event; here the name is mapped to db-scheduler's task in one indexed lookup
 * (Axon's own cancel-by-name scans every scheduled deadline). The mapping is written in the
 * command's transaction, together with the events and the scheduled task.
 */
public class KeyedDeadlineManager implements DeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(KeyedDeadlineManager.class);

    private final DeadlineManager delegate;
    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final String taskName;

    /**
     * @param scheduler the db-scheduler the delegate schedules on
     * @param taskName  the name of the task the delegate schedules deadlines as
     */
    public KeyedDeadlineManager(DeadlineManager delegate, JdbcTemplate jdbc, SchedulerClient scheduler, String taskName) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.taskName = taskName;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String scheduleId = delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        if (keyed(deadlineName)) {
            jdbc.update("""
                    INSERT INTO deadline_schedule (deadline_name, schedule_id, created_at) VALUES (?, ?, now())
                    ON CONFLICT (deadline_name) DO UPDATE SET schedule_id = EXCLUDED.schedule_id, created_at = now()""",
                    deadlineName, scheduleId);
        }
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        delegate.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        delegate.cancelAll(deadlineName);
    }

    /** A deadline scheduled under its own name is cancelled through its mapped task; others as Axon does. */
    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        if (!keyed(deadlineName)) {
            delegate.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        List<String> scheduled = jdbc.queryForList("DELETE FROM deadline_schedule WHERE deadline_name = ? RETURNING schedule_id",
                String.class, deadlineName);
        for (String id : scheduled) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().onPrepareCommit(u -> cancelTask(deadlineName, id));
            } else {
                cancelTask(deadlineName, id);
            }
        }
    }

    /**
     * Cancels the task as Axon's manager does when the command commits, except that a task the
     * scheduler is delivering at this very moment is left to finish: its message names a deadline
     * the command has just closed or moved, so the aggregate ignores it (Deadlines#reached). Refusing
     * the command for it (db-scheduler's TaskInstanceCurrentlyExecutingException, or its
     * ExecutionException when the task was picked between reading and removing it) answered 500.
     */
    private void cancelTask(String deadlineName, String scheduleId) {
        try {
            scheduler.cancel(TaskInstanceId.of(taskName, scheduleId));
        } catch (TaskInstanceNotFoundException alreadyRun) {
            log.debug("deadline {}: its task {} has already run", deadlineName, scheduleId);
        } catch (TaskInstanceCurrentlyExecutingException | ExecutionException pickedMeanwhile) {
            // ExecutionException: the scheduler picked the task between reading and removing it ("removed 0").
            log.info("deadline {} is being delivered while a command closes or moves it; its message will change nothing", deadlineName);
        }
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    private static boolean keyed(String deadlineName) {
        return deadlineName.startsWith(Deadline.SCHEDULE_NAME_PREFIX);
    }

    /**
     * A deadline that fired and was closed by its own firing leaves its name mapped to a task that
     * no longer exists; such mappings are removed once they are a day old.
     */
    @Scheduled(fixedDelayString = "${grants.deadlines.mapping-cleanup-interval:PT1H}", initialDelayString = "PT5M")
    public void forgetFiredDeadlines() {
        jdbc.update("""
                DELETE FROM deadline_schedule m WHERE m.created_at < now() - interval '1 day'
                  AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_instance = m.schedule_id)""");
    }
}
