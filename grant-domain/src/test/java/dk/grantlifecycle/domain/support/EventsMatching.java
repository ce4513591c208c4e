package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.shared.RuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.function.Consumer;

/** Hamcrest bridges so fixture results can be checked with AssertJ. */
public final class EventsMatching {

    private EventsMatching() {
    }

    /** Matches the published events when {@code assertions} pass on their payloads. */
    public static Matcher<List<EventMessage<?>>> payloads(Consumer<List<Object>> assertions) {
        return new TypeSafeMatcher<>() {
            private AssertionError failure;

            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                try {
                    assertions.accept(events.stream().map(e -> (Object) e.getPayload()).toList());
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(failure == null ? "events passing the assertions" : failure.getMessage());
            }
        };
    }

    /** Matches a {@link RuleViolation} of the given rule (and field, when not null). */
    public static Matcher<Throwable> violationOf(String ruleId, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolation v && ruleId.equals(v.ruleId().id()) && (field == null || field.equals(v.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation of " + ruleId + (field == null ? "" : " on field " + field));
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t instanceof RuleViolation v ? "RuleViolation of " + v.ruleId() + " on " + v.field() + ": "
                        + v.getMessage() : t.toString());
            }
        };
    }

    public static Matcher<Throwable> violationOf(String ruleId) {
        return violationOf(ruleId, null);
    }

    /** The payloads of one type, in order. */
    public static <T> List<T> ofType(List<Object> payloads, Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
