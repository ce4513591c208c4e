package dk.grantlifecycle.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one part of a message that holds a citizen's personal data (CPR number, name).
 * PII-NOT-IN-CLEAR: this part is never logged, never sent to Kafka or metrics in clear text, and is
 * the part the event serializer encrypts with the citizen's own key inside stored events, so that
 * erasing one citizen means destroying one key without rewriting any event (crypto-shredding).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE, ElementType.PARAMETER,
        ElementType.METHOD})
public @interface PersonalData {
}
