package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A municipality, by the lower-case slug its rule files use ({@code lejre}, {@code gladsaxe}). */
public record MunicipalityId(String value) {

    public MunicipalityId {
        if (value == null || !value.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new MalformedInput("municipality", "a municipality is a lower-case slug such as 'lejre'");
        }
    }

    @JsonCreator
    public static MunicipalityId of(String value) {
        return new MunicipalityId(value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
