package dk.grantlifecycle.api.deadline;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Cancelling a deadline whose task the scheduler is delivering at that moment: db-scheduler refuses in
 * three ways depending on when it looked, and none of them may fail the command that closed the deadline.
 */
class KeyedDeadlineManagerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"executing", "picked between read and remove", "already run"})
    @DisplayName("a refused cancellation of a task being delivered does not fail the command")
    void cancellationRacingTheDelivery(String race) {
        List<TaskInstanceId> cancelled = new ArrayList<>();
        SchedulerClient scheduler = (SchedulerClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SchedulerClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("cancel")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    TaskInstanceId id = (TaskInstanceId) args[0];
                    cancelled.add(id);
                    throw switch (race) {
                        case "executing" -> new TaskInstanceCurrentlyExecutingException(id.getTaskName(), id.getId());
                        case "already run" -> new TaskInstanceNotFoundException(id.getTaskName(), id.getId());
                        default -> new ExecutionException("Expected one execution to be removed, but removed 0. Indicates a bug.",
                                id.getTaskName(), id.getId(), 1);
                    };
                });
        JdbcTemplate mapping = new JdbcTemplate() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
                return (List<T>) List.of("task-1");
            }
        };
        KeyedDeadlineManager manager = new KeyedDeadlineManager((DeadlineManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DeadlineManager.class}, (p, m, a) -> null), mapping, scheduler, "AxonDeadline");

        assertThatNoException().isThrownBy(() -> manager.cancelAllWithinScope("deadline:a-1/case-processing/1", null));
        assertThat(cancelled).extracting(TaskInstanceId::getTaskName, TaskInstanceId::getId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AxonDeadline", "task-1"));
    }
}
