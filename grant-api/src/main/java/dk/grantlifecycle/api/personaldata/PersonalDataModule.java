package dk.grantlifecycle.api.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.PersonalDataOwner;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Field-level encryption at the event serializer (PII-NOT-IN-CLEAR): the {@code @PersonalData}
 * part of an event, {@link CitizenIdentity}, is written as
 * {@code {"keyOf": "<citizen id>", "sealed": "<base64 Tink AEAD ciphertext>"}}, encrypted with the key
 * of the citizen the enclosing {@link PersonalDataOwner} names, and read back through the same key.
 * Once the key is destroyed it reads as {@link CitizenIdentity#erasedIdentity()}, in every reader at
 * once: aggregates, projections and their replays, as-of history, dead letters.
 * <p>
 * An identity stored in clear before encryption came ({@code {"cpr": ..., "name": ...}}) still reads;
 * {@link ClearPersonalDataMigration} encrypts those in place at start.
 */
public final class PersonalDataModule extends SimpleModule {

    static final String KEY_OF = "keyOf";
    static final String SEALED = "sealed";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    public PersonalDataModule(CitizenKeys keys) {
        super("personal-data");
        addSerializer(CitizenIdentity.class, new Sealing(keys));
        addDeserializer(CitizenIdentity.class, new Opening(keys));
    }

    /** The stored form of an identity: sealed with the owner's key. */
    static ObjectNode seal(CitizenKeys keys, CitizenId owner, CitizenIdentity identity) {
        ObjectNode clear = PLAIN.createObjectNode().put("cpr", identity.cpr().value()).put("name", identity.name());
        byte[] ciphertext;
        try {
            ciphertext = keys.seal(owner, PLAIN.writeValueAsBytes(clear));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return PLAIN.createObjectNode().put(KEY_OF, owner.value()).put(SEALED, Base64.getEncoder().encodeToString(ciphertext));
    }

    /** Reads any stored form: sealed, erased marker, or clear (before encryption came). */
    static CitizenIdentity read(CitizenKeys keys, JsonNode node) throws IOException {
        if (node.has(SEALED)) {
            CitizenId owner = CitizenId.of(node.path(KEY_OF).asText());
            Optional<byte[]> clear = keys.open(owner, Base64.getDecoder().decode(node.get(SEALED).asText()));
            if (clear.isEmpty()) {
                return CitizenIdentity.erasedIdentity();
            }
            node = PLAIN.readTree(clear.get());
        } else if (node.path("erased").asBoolean(false)) {
            return CitizenIdentity.erasedIdentity();
        }
        return new CitizenIdentity(Cpr.of(node.path("cpr").asText()), node.path("name").textValue());
    }

    private static final class Sealing extends JsonSerializer<CitizenIdentity> {
        private final CitizenKeys keys;

        Sealing(CitizenKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(CitizenIdentity identity, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (identity.erased()) {
                gen.writeStartObject();
                gen.writeBooleanField("erased", true);
                gen.writeEndObject();
                return;
            }
            // The enclosing message (the event) is the generator's current value while its fields are written.
            if (!(gen.getOutputContext().getCurrentValue() instanceof PersonalDataOwner owner) || owner.citizenId() == null) {
                throw new IllegalStateException("personal data can only be written inside a message that names its citizen");
            }
            gen.writeTree(seal(keys, owner.citizenId(), identity));
        }
    }

    private static final class Opening extends JsonDeserializer<CitizenIdentity> {
        private final CitizenKeys keys;

        Opening(CitizenKeys keys) {
            this.keys = keys;
        }

        @Override
        public CitizenIdentity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(keys, ctxt.readTree(p));
        }
    }
}
