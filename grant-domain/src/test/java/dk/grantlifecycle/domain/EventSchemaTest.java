package dk.grantlifecycle.domain;

import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.assessment.AssessmentEvent;
import dk.grantlifecycle.domain.followup.FollowUpEvent;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.hearing.HearingEvents;
import dk.grantlifecycle.domain.shared.CaseEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are the public contract (stored forever, published to other systems): they carry domain
 * values only. Every type reachable from an event is a record or enum of the shared kernel, the
 * decision vocabulary, the deadline values or the event's own package (never a rule-file binding
 * type, an aggregate or a member), or a plain Java value; every event names its case and has a
 * revision; no scheduler token is stored.
 */
class EventSchemaTest {

    private static final String DOMAIN = "dk.grantlifecycle.domain.";
    private static final Set<String> VALUE_PACKAGES = Set.of(DOMAIN + "shared", DOMAIN + "decision", DOMAIN + "deadline");
    private static final Set<Class<?>> PLAIN = Set.of(String.class, LocalDate.class, YearMonth.class, Period.class,
            BigDecimal.class, Integer.class, Long.class, Boolean.class, int.class, long.class, boolean.class);

    static List<Class<?>> eventTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> root : List.of(ApplicationEvent.class, AssessmentEvent.class, GrantEvent.class, FollowUpEvent.class,
                HearingEvents.HearingEvent.class)) {
            collect(root, types);
        }
        return types;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
        } else if (type.getPermittedSubclasses() != null) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, into);
            }
        }
    }

    @Test
    @DisplayName("every event references only the domain's value types")
    void eventsCarryDomainValuesOnly() {
        List<String> violations = new ArrayList<>();
        for (Class<?> event : eventTypes()) {
            Set<Class<?>> seen = new LinkedHashSet<>();
            for (RecordComponent c : event.getRecordComponents()) {
                check(event, event.getSimpleName() + "." + c.getName(), c.getGenericType(), seen, violations);
            }
        }
        assertThat(violations).isEmpty();
        assertThat(eventTypes()).hasSizeGreaterThan(60);
    }

    private static void check(Class<?> event, String path, Type type, Set<Class<?>> seen, List<String> violations) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw != List.class && raw != Set.class && raw != Map.class) {
                violations.add(path + ": " + raw.getName() + " is not a list, set or map of values");
            }
            for (Type argument : p.getActualTypeArguments()) {
                check(event, path + "<>", argument, seen, violations);
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (PLAIN.contains(c) || !seen.add(c)) {
            return;
        }
        boolean valueType = c.isRecord() || c.isEnum();
        boolean allowedPackage = VALUE_PACKAGES.contains(c.getPackageName()) || c.getPackageName().equals(event.getPackageName());
        if (!valueType || !allowedPackage) {
            violations.add(path + ": " + c.getName() + " is not a value type of the domain");
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                check(event, path + "." + component.getName(), component.getGenericType(), seen, violations);
            }
        }
    }

    @Test
    @DisplayName("every event names its case and carries a revision; none stores a scheduler token")
    void everyEventNamesItsCaseAndRevision() {
        for (Class<?> event : eventTypes()) {
            assertThat(CaseEvent.class).as(event.getName()).isAssignableFrom(event);
            assertThat(event.getAnnotation(Revision.class)).as(event.getName() + " @Revision").isNotNull();
            assertThat(event.getRecordComponents()).as(event.getName())
                    .noneMatch(c -> c.getName().toLowerCase().contains("schedule"));
        }
    }
}
