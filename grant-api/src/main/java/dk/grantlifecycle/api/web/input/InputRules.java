package dk.grantlifecycle.api.web.input;

import dk.grantlifecycle.api.replay.ProjectionReplay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The bounds every request must keep, declared in one place: how long a text may be and whether
 * it may span lines, which dates are sane, which path variables and parameters look right. The
 * web layer's JSON reader ({@link InputBoundsModule}), the path and parameter check
 * ({@link PathAndParameterCheck}) and the body size limit ({@link RequestLimitsFilter}) apply them
 * to every endpoint, including the domain records that request bodies carry; no endpoint has
 * checks of its own for these. Text fields are matched by JSON property name wherever they occur.
 */
public final class InputRules {

    /** A line of text (names, codes, references): no control characters at all. */
    public static final int SINGLE_LINE_MAX = 256;
    /** A text that may span lines (reasons, descriptions, summaries, notes, answers): newline and tab allowed. */
    public static final int MULTI_LINE_MAX = 4000;
    /** The longest map key (VUM themes). */
    public static final int KEY_MAX = 64;
    /** The most elements a list or map in a request may have. */
    public static final int COLLECTION_MAX = 100;

    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    /** Properties holding texts that may span lines. */
    static final Set<String> MULTI_LINE = Set.of("reason", "reasons", "description", "summary", "note", "answer", "facts",
            "discretion", "legalRules", "individualAssessment", "wageAboveRuleReason", "individualReason", "permanentReason",
            "withoutCitizenReason", "where", "how", "goals", "lessIntrusiveConsidered", "caseMaterial");

    /** Texts with a tighter bound than {@link #SINGLE_LINE_MAX}. */
    static final Map<String, Integer> SINGLE_LINE_LIMITS = Map.of("cpr", 11, "municipality", 41, "code", 64,
            "serviceCode", 64, "deadlineKey", 200, "decisionId", 64);

    /** Whole numbers with a range of their own. */
    static final Map<String, int[]> NUMBER_RANGES = Map.of("year", new int[]{FIRST_DATE.getYear(), LAST_DATE.getYear()},
            "daysPerWeek", new int[]{0, 7});

    /** Largest magnitude and most decimals for amounts, hours and distances. */
    static final int DECIMAL_INTEGER_DIGITS = 9;
    static final int DECIMAL_SCALE = 4;

    /** Path variables by name; any other is an id-like token. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    static final Pattern UUID_LIKE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");
    static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    static final Pattern MUNICIPALITY = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    static final Pattern PARAGRAPH = Pattern.compile("[A-Z0-9]{1,16}");
    static final Pattern PROJECTION = Pattern.compile(String.join("|", ProjectionReplay.PROJECTIONS));

    /** Query parameter values: one line. */
    static final int PARAMETER_MAX = 256;

    private InputRules() {
    }

    /** The rule for a JSON text property, by name; {@code null} for a root value or a list without a name. */
    static TextRule text(String property, Supplier<Set<String>> themes) {
        if ("themes".equals(property)) {
            return new TextRule(property, false, KEY_MAX, themes);
        }
        if (property != null && MULTI_LINE.contains(property)) {
            return new TextRule(property, true, MULTI_LINE_MAX, null);
        }
        return new TextRule(property, false, property == null ? SINGLE_LINE_MAX
                : SINGLE_LINE_LIMITS.getOrDefault(property, SINGLE_LINE_MAX), null);
    }

    /** How a text property is bounded; {@code allowed} names a closed set of values (VUM themes). */
    record TextRule(String property, boolean multiLine, int max, Supplier<Set<String>> allowed) {
    }

    /** Why a text is refused, or {@code null} when it is fine. */
    public static String problemWith(String text, boolean multiLine, int max) {
        if (text.length() > max) {
            return "is " + text.length() + " characters long; at most " + max;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(multiLine && (c == '\n' || c == '\t'))) {
                return "contains the control character U+" + String.format("%04X", (int) c)
                        + (multiLine ? " (only newline and tab are allowed)" : " (a single line of text)");
            }
            if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return "contains the control character U+" + String.format("%04X", (int) c);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    static boolean dateInRange(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    static boolean monthInRange(YearMonth month) {
        return !month.isBefore(YearMonth.from(FIRST_DATE)) && !month.isAfter(YearMonth.from(LAST_DATE));
    }
}
