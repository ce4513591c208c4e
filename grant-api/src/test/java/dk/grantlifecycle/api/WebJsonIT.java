package dk.grantlifecycle.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.api.deadletter.DeadLetters;
import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.projections.AsOfHistory;
import dk.grantlifecycle.projections.AuditTrail;
import dk.grantlifecycle.projections.CaseQueries;
import dk.grantlifecycle.projections.DeadlineQueue;
import dk.grantlifecycle.projections.DstReports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every read-model type the web layer returns, serialized by the web layer's own JSON converter
 * (the one Spring MVC writes responses with): none may fail, and none may come out as a JSON tree
 * of the other Jackson written as a bean ({"array":false,...}), the defect that hid the audit
 * trail's event data. The types are every public record of the projections module and every type
 * a controller method declares it returns; none may hold a Jackson 2 databind type at all.
 */
class WebJsonIT extends ApiIT {

    private static final ObjectMapper READ = new ObjectMapper();

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("Every read model the web layer returns serializes through its JSON converter, as data, never as a Jackson tree bean")
    void everyReadModelSerializes() throws Exception {
        Set<Class<?>> types = new LinkedHashSet<>(publicRecordsOf("dk.grantlifecycle.projections"));
        types.addAll(controllerReturnTypes());
        assertThat(types).as("the scan finds the read models").contains(CaseQueries.CaseView.class, CaseQueries.GrantView.class,
                CaseQueries.DeadlineView.class, CaseQueries.ComplaintView.class, DeadlineQueue.Page.class, DeadlineQueue.Row.class,
                AuditTrail.Entry.class, AsOfHistory.CaseAsOf.class, DstReports.Report.class, ProjectionReplay.Progress.class,
                DeadLetters.Listing.class, DeadLetters.RetryOutcome.class);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : types) {
            jackson2TypesIn(type, new LinkedHashSet<>()).forEach(t -> problems.add(type.getName() + " holds the Jackson 2 type " + t));
            try {
                AuditContentIT.assertNoTreeAsBean(READ.readTree(write(Samples.of(type, type, 0))));
            } catch (Exception | AssertionError e) {
                problems.add(type.getName() + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The check itself catches the defect it guards against. */
    @Test
    @DisplayName("A Jackson 2 tree in a read model is caught")
    void jackson2TreeIsCaught() throws Exception {
        record Probe(JsonNode event) {
        }
        assertThat(jackson2TypesIn(Probe.class, new LinkedHashSet<>())).isNotEmpty();
        String written = write(new Probe(READ.readTree("{\"legalRules\": \"Serviceloven § 97\"}")));
        try {
            AuditContentIT.assertNoTreeAsBean(READ.readTree(written));
        } catch (AssertionError expected) {
            return;
        }
        fail("a Jackson 2 tree written by the web layer was not recognised: " + written);
    }

    @SuppressWarnings("unchecked")
    private String write(Object value) throws Exception {
        for (HttpMessageConverter<?> converter : mvc.getMessageConverters()) {
            if (converter.canWrite(value.getClass(), MediaType.APPLICATION_JSON)
                    && converter.getSupportedMediaTypes(value.getClass()).stream().anyMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_JSON))) {
                MockHttpOutputMessage out = new MockHttpOutputMessage();
                ((HttpMessageConverter<Object>) converter).write(value, MediaType.APPLICATION_JSON, out);
                return out.getBodyAsString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no JSON converter writes " + value.getClass());
    }

    private static List<Class<?>> publicRecordsOf(String pkg) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition d : scanner.findCandidateComponents(pkg)) {
            Class<?> c = ClassUtils.forName(d.getBeanClassName(), WebJsonIT.class.getClassLoader());
            if (Modifier.isPublic(c.getModifiers()) && (c.getEnclosingClass() == null || Modifier.isPublic(c.getEnclosingClass().getModifiers()))) {
                records.add(c);
            }
        }
        return records;
    }

    /** What the service's controller methods declare they return, less plain Java and Spring types. */
    private Set<Class<?>> controllerReturnTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Object controller : context.getBeansWithAnnotation(RestController.class).values()) {
            Class<?> type = AopUtils.getTargetClass(controller);
            if (!type.getPackageName().startsWith("dk.grantlifecycle")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
                    collect(m.getGenericReturnType(), types);
                }
            }
        }
        return types;
    }

    private static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, into);
            }
        } else if (type instanceof Class<?> c && c != void.class && c != Object.class && !c.getName().startsWith("java.")
                && !c.getName().startsWith("org.springframework.")) {
            into.add(c);
        }
    }

    /** The Jackson 2 databind types reachable from a type's record components and type arguments. */
    private static Set<String> jackson2TypesIn(Type type, Set<Type> seen) {
        Set<String> found = new LinkedHashSet<>();
        if (!seen.add(type)) {
            return found;
        }
        if (type instanceof ParameterizedType p) {
            found.addAll(jackson2TypesIn(p.getRawType(), seen));
            for (Type arg : p.getActualTypeArguments()) {
                found.addAll(jackson2TypesIn(arg, seen));
            }
        } else if (type instanceof Class<?> c) {
            if (c.getName().startsWith("com.fasterxml.jackson.databind.")) {
                found.add(c.getName());
            } else if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    found.addAll(jackson2TypesIn(rc.getGenericType(), seen));
                }
            }
        }
        return found;
    }

    /** Sample values for a type: every record component filled, every collection with one element. */
    static final class Samples {

        private static final int DEPTH = 8;

        private Samples() {
        }

        static Object of(Type type, AnnotatedElement annotated, int depth) throws Exception {
            if (depth > DEPTH) {
                return null;
            }
            if (type instanceof WildcardType w) {
                return of(w.getUpperBounds()[0], null, depth);
            }
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                Type[] args = p.getActualTypeArguments();
                if (Map.class.isAssignableFrom(raw)) {
                    return Map.of(of(args[0], null, depth + 1), of(args[1], null, depth + 1));
                }
                if (Set.class.isAssignableFrom(raw)) {
                    return Set.of(of(args[0], null, depth + 1));
                }
                if (Collection.class.isAssignableFrom(raw)) {
                    return List.of(of(args[0], null, depth + 1));
                }
                if (raw == Optional.class) {
                    return Optional.of(of(args[0], null, depth + 1));
                }
                return of(raw, annotated, depth);
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class) {
                return annotated != null && annotated.isAnnotationPresent(JsonRawValue.class)
                        ? "{\"sample\": [1, \"two\"]}" : "00000000-0000-4000-8000-000000000001";
            }
            if (c == boolean.class || c == Boolean.class) {
                return true;
            }
            if (c == int.class || c == Integer.class) {
                return 1;
            }
            if (c == long.class || c == Long.class) {
                return 1L;
            }
            if (c == double.class || c == Double.class) {
                return 1.5;
            }
            if (c == char.class || c == Character.class) {
                return 'A';
            }
            if (c == BigDecimal.class) {
                return new BigDecimal("1.5");
            }
            if (c == Instant.class) {
                return Instant.parse("2027-01-04T08:00:00Z");
            }
            if (c == LocalDate.class) {
                return LocalDate.of(2027, 1, 4);
            }
            if (c == YearMonth.class) {
                return YearMonth.of(2027, 1);
            }
            if (c == Period.class) {
                return Period.ofWeeks(2);
            }
            if (c == Duration.class) {
                return Duration.ofHours(2);
            }
            if (c.isEnum()) {
                return c.getEnumConstants()[0];
            }
            if (c.isRecord()) {
                return record(c, depth);
            }
            try {
                return c.getMethod("of", String.class).invoke(null, "00000000-0000-4000-8000-000000000001");
            } catch (NoSuchMethodException e) {
                throw new AssertionError("no sample for " + c.getName() + ": add one to WebJsonIT.Samples");
            }
        }

        private static Object record(Class<?> c, int depth) throws Exception {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                // Jackson's annotations on a component reach its accessor, not the component itself.
                args[i] = of(components[i].getGenericType(), components[i].getAccessor(), depth + 1);
            }
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        }
    }
}
