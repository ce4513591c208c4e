package dk.grantlifecycle.api.web.input;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dk.grantlifecycle.domain.rules.General;
import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The web layer's JSON mapper (Jackson 3) reads requests strictly: the bounds of
 * {@link InputBoundsModule}, no {@code null} inside lists, sets or maps, enums only by name (an
 * unknown name or a number is refused, and the refusal lists the names allowed), booleans only as
 * true or false, no duplicate properties, no trailing content, no fractions where a whole number belongs.
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfig {

    @Bean
    public InputBoundsModule inputBoundsModule(RuleBook rules, Clock clock) {
        return new InputBoundsModule(vumThemes(rules, clock));
    }

    @Bean
    public JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder
                .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // true and false only: neither 1 nor "yes" (nor "true") is a boolean.
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // An enum is one of its names; an empty string is not a way to leave it out.
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** VUM-THEMES: the themes the rule files in force name, for any municipality. */
    private static Supplier<Set<String>> vumThemes(RuleBook rules, Clock clock) {
        return () -> {
            Set<String> themes = new TreeSet<>();
            for (MunicipalityId m : rules.municipalities()) {
                try {
                    rules.general(m, Copenhagen.today(clock)).vumThemes().stream().map(General.Theme::code).forEach(themes::add);
                } catch (RuntimeException e) {
                    // A municipality without rules in force today names no themes.
                }
            }
            return themes;
        };
    }
}
