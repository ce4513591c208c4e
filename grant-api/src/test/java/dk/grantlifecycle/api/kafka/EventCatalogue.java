package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.assessment.AssessmentEvent;
import dk.grantlifecycle.domain.followup.FollowUpEvent;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.hearing.HearingEvents;
import dk.grantlifecycle.domain.shared.PersonalData;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Every domain event type and every leaf field of its JSON, found by reflection: what allow-lists and the catalogue describe. */
final class EventCatalogue {

    private EventCatalogue() {
    }

    /**
     * One field of an event's JSON: its dotted path, the Java type of its value, whether it is plain
     * text, whether it belongs to the personal-data part, whether it sits in a list, and the record
     * component that declares it ({@code Record.component}).
     */
    record Leaf(String path, Class<?> type, boolean text, boolean personal, boolean inList, String declaredBy, Type valueType,
                java.util.Set<String> arrays) {
    }

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

    static List<Leaf> leaves(Class<?> event) {
        List<Leaf> leaves = new ArrayList<>();
        walk(event, "", false, false, leaves, 0, java.util.Set.of());
        return leaves;
    }

    private static void walk(Class<?> record, String prefix, boolean personal, boolean inList, List<Leaf> into, int depth,
                             java.util.Set<String> arrays) {
        if (depth > 8) {
            throw new IllegalStateException("too deep at " + prefix);
        }
        boolean personalType = personal || record.isAnnotationPresent(PersonalData.class);
        for (RecordComponent c : record.getRecordComponents()) {
            boolean p = personalType || c.isAnnotationPresent(PersonalData.class)
                    || c.getAccessor().isAnnotationPresent(PersonalData.class);
            String path = prefix + c.getName();
            field(path, c.getType(), c.getGenericType(), p, inList, record.getSimpleName() + "." + c.getName(), into, depth, arrays);
        }
    }

    private static void field(String path, Class<?> raw, Type generic, boolean personal, boolean inList, String declaredBy,
                              List<Leaf> into, int depth, java.util.Set<String> arrays) {
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) element;
            java.util.Set<String> more = new java.util.HashSet<>(arrays);
            more.add(path);
            field(path, elementClass, element, personal, true, declaredBy, into, depth, java.util.Set.copyOf(more));
        } else if (Map.class.isAssignableFrom(raw)) {
            into.add(new Leaf(path, Map.class, mapHoldsText(generic), personal, inList, declaredBy, generic, arrays));
        } else if (raw.isRecord() && !isJsonValue(raw)) {
            walk(raw, path + ".", personal || raw.isAnnotationPresent(PersonalData.class), inList, into, depth + 1, arrays);
        } else {
            into.add(new Leaf(path, raw, raw == String.class, personal || raw.isAnnotationPresent(PersonalData.class), inList,
                    declaredBy, generic, arrays));
        }
    }

    private static boolean mapHoldsText(Type generic) {
        Type[] args = ((ParameterizedType) generic).getActualTypeArguments();
        return args[1] == String.class;
    }

    static boolean isJsonValue(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON Schema type of a leaf's Java type. */
    static String jsonType(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "number";
        }
        if (type == Map.class) {
            return "object";
        }
        return "string";
    }

    static String format(Class<?> type) {
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == java.time.Instant.class) {
            return "date-time";
        }
        if (type == Period.class) {
            return "duration";
        }
        if (type == YearMonth.class) {
            return "year-month";
        }
        return null;
    }
}
