package dk.grantlifecycle.api.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The web layer's JSON reader applies {@link InputRules} to every request body, the domain records
 * inside bodies included ({@code GrantTerms}, {@code DecisionContent}, {@code RequestedService}, ...),
 * without touching their classes: texts are bounded and free of control characters, dates are ISO
 * strings within 1900-2100 (never numbers), whole numbers and decimals have sane ranges, lists
 * and maps have a size limit. Null list elements and unknown enum values are refused by the
 * mapper's configuration ({@link WebJsonConfig}). A refusal names the offending property; the
 * problem handler turns it into a 400 naming the field by its JSON path.
 */
public final class InputBoundsModule extends SimpleModule {

    public InputBoundsModule(Supplier<Set<String>> vumThemes) {
        super("input-bounds");
        addDeserializer(String.class, new BoundedText(InputRules.text(null, vumThemes), vumThemes));
        addKeyDeserializer(String.class, new BoundedKey());
        addDeserializer(LocalDate.class, new IsoDate());
        addDeserializer(YearMonth.class, new IsoMonth());
        addDeserializer(Instant.class, new IsoInstant());
        addDeserializer(Period.class, new IsoPeriod());
        addDeserializer(BigDecimal.class, new BoundedDecimal());
        addDeserializer(Integer.class, new BoundedInteger(null, false));
        addDeserializer(int.class, new BoundedInteger(null, true));
        setDeserializerModifier(new SizeLimits());
    }

    private static MismatchedInputException refused(JsonParser p, Class<?> type, String message) {
        return MismatchedInputException.from(p, type, message);
    }

    /** Texts: bounded, without control characters (newline and tab only where a text may span lines). */
    static final class BoundedText extends StdScalarDeserializer<String> {

        private final InputRules.TextRule rule;
        private final Supplier<Set<String>> themes;

        BoundedText(InputRules.TextRule rule, Supplier<Set<String>> themes) {
            super(String.class);
            this.rule = rule;
            this.themes = themes;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            String name = property == null ? null : property.getName();
            return java.util.Objects.equals(name, rule.property()) ? this
                    : new BoundedText(InputRules.text(name, themes), themes);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw refused(p, String.class, "a text (a JSON string) was expected");
            }
            String text = p.getString();
            String problem = InputRules.problemWith(text, rule.multiLine(), rule.max());
            if (problem != null) {
                throw refused(p, String.class, problem);
            }
            if (rule.allowed() != null) {
                Set<String> allowed = rule.allowed().get();
                if (!allowed.contains(text)) {
                    throw refused(p, String.class, "'" + text + "' is not one of " + new java.util.TreeSet<>(allowed));
                }
            }
            return text;
        }
    }

    /** Map keys (VUM themes in scores): one short line. */
    static final class BoundedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            String problem = InputRules.problemWith(key, false, InputRules.KEY_MAX);
            if (problem != null) {
                throw refused(ctxt.getParser(), String.class, "a key " + problem);
            }
            return key;
        }
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Dates: ISO strings yyyy-mm-dd from 1900-01-01 to 2100-12-31; numbers (days since 1970) are refused. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            String expected = "a date as an ISO string yyyy-mm-dd from " + InputRules.FIRST_DATE + " to " + InputRules.LAST_DATE;
            if (p.currentToken() != JsonToken.VALUE_STRING || !DATE.matcher(p.getString()).matches()) {
                throw refused(p, LocalDate.class, expected);
            }
            try {
                LocalDate date = LocalDate.parse(p.getString());
                if (!InputRules.dateInRange(date)) {
                    throw refused(p, LocalDate.class, expected);
                }
                return date;
            } catch (DateTimeParseException e) {
                throw refused(p, LocalDate.class, expected + " (" + p.getString() + " is not a day of the calendar)");
            }
        }
    }

    /** Months: ISO strings yyyy-mm from 1900-01 to 2100-12. */
    static final class IsoMonth extends StdScalarDeserializer<YearMonth> {
        IsoMonth() {
            super(YearMonth.class);
        }

        @Override
        public YearMonth deserialize(JsonParser p, DeserializationContext ctxt) {
            String expected = "a month as an ISO string yyyy-mm from 1900-01 to 2100-12";
            if (p.currentToken() != JsonToken.VALUE_STRING || !MONTH.matcher(p.getString()).matches()) {
                throw refused(p, YearMonth.class, expected);
            }
            try {
                YearMonth month = YearMonth.parse(p.getString());
                if (!InputRules.monthInRange(month)) {
                    throw refused(p, YearMonth.class, expected);
                }
                return month;
            } catch (DateTimeParseException e) {
                throw refused(p, YearMonth.class, expected);
            }
        }
    }

    /** Instants: ISO strings (2026-03-02T12:00:00Z) within the same years as dates. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            String expected = "an instant as an ISO string such as 2026-03-02T12:00:00Z, from 1900 to 2100";
            if (p.currentToken() != JsonToken.VALUE_STRING || p.getString().length() > 40) {
                throw refused(p, Instant.class, expected);
            }
            try {
                Instant instant = Instant.parse(p.getString());
                if (!InputRules.dateInRange(LocalDate.ofInstant(instant, ZoneOffset.UTC))) {
                    throw refused(p, Instant.class, expected);
                }
                return instant;
            } catch (DateTimeParseException e) {
                throw refused(p, Instant.class, expected);
            }
        }
    }

    /** Periods (a visit frequency): ISO strings such as P1W, not negative, at most ten years. */
    static final class IsoPeriod extends StdScalarDeserializer<Period> {
        IsoPeriod() {
            super(Period.class);
        }

        @Override
        public Period deserialize(JsonParser p, DeserializationContext ctxt) {
            String expected = "an ISO period such as P1W or P2W, not negative and at most P10Y";
            if (p.currentToken() != JsonToken.VALUE_STRING || p.getString().length() > 20) {
                throw refused(p, Period.class, expected);
            }
            try {
                Period period = Period.parse(p.getString());
                if (period.isNegative() || period.toTotalMonths() + period.getDays() / 31 > 120) {
                    throw refused(p, Period.class, expected);
                }
                return period;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw refused(p, Period.class, expected);
            }
        }
    }

    /** Amounts, hours and distances: JSON numbers with at most 9 digits before and 4 after the point. */
    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            String expected = "a number with at most " + InputRules.DECIMAL_INTEGER_DIGITS + " digits before and "
                    + InputRules.DECIMAL_SCALE + " after the decimal point";
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw refused(p, BigDecimal.class, expected);
            }
            BigDecimal value = p.getDecimalValue().stripTrailingZeros();
            if (value.scale() > InputRules.DECIMAL_SCALE || value.precision() - value.scale() > InputRules.DECIMAL_INTEGER_DIGITS) {
                throw refused(p, BigDecimal.class, expected);
            }
            return value.scale() < 0 ? value.setScale(0) : value;
        }
    }

    /** Whole numbers: JSON integers, within the property's range where {@link InputRules} names one. */
    static final class BoundedInteger extends StdScalarDeserializer<Integer> {

        private final String property;
        private final boolean primitive;

        BoundedInteger(String property, boolean primitive) {
            super(primitive ? int.class : Integer.class);
            this.property = property;
            this.primitive = primitive;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            String name = property == null ? null : property.getName();
            return java.util.Objects.equals(name, this.property) ? this : new BoundedInteger(name, primitive);
        }

        /** A number with a range of its own must be given; other whole numbers default as Jackson does. */
        @Override
        public Integer getNullValue(DeserializationContext ctxt) {
            int[] range = property == null ? null : InputRules.NUMBER_RANGES.get(property);
            if (range != null && primitive) {
                throw refused(ctxt.getParser(), int.class, "a whole number from " + range[0] + " to " + range[1]);
            }
            return primitive ? Integer.valueOf(0) : null;
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
            int[] range = property == null ? null : InputRules.NUMBER_RANGES.get(property);
            String expected = range == null ? "a whole number" : "a whole number from " + range[0] + " to " + range[1];
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw refused(p, Integer.class, expected);
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw refused(p, Integer.class, expected);
            }
            int value = p.getIntValue();
            if (range != null && (value < range[0] || value > range[1])) {
                throw refused(p, Integer.class, expected);
            }
            return value;
        }
    }

    /** Lists, sets and maps hold at most {@link InputRules#COLLECTION_MAX} elements. */
    static final class SizeLimits extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                 BeanDescription.Supplier beanDescRef,
                                                                 ValueDeserializer<?> deserializer) {
            return new Bounded(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                          BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
            return new Bounded(deserializer);
        }
    }

    static final class Bounded extends DelegatingDeserializer {

        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
            if (size > InputRules.COLLECTION_MAX) {
                throw refused(p, value.getClass(), "has " + size + " elements; at most " + InputRules.COLLECTION_MAX);
            }
            return value;
        }
    }
}
