package dk.grantlifecycle.api.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dk.grantlifecycle.domain.shared.CitizenId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * One data key per citizen (a Tink AES-256-GCM keyset), stored in {@code citizen_data_key}
 * wrapped by the master key with the citizen's pseudonymous id as associated data, so a wrapped key
 * cannot be moved to another citizen. Destroying the wrapped key (erasure) makes everything
 * encrypted with it unreadable: crypto-shredding, without touching the events themselves.
 * <p>
 * Nothing is cached: every node reads the key from the database, so an erasure on one node holds on
 * every node at once.
 */
@Component
public class CitizenKeys {

    private final JdbcTemplate jdbc;
    private final Aead master;
    private final Clock clock;

    public CitizenKeys(JdbcTemplate jdbc, @Qualifier("masterKey") Aead master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    /** The stored key of a citizen: present, or destroyed (erased) or never made. */
    private record Stored(byte[] wrapped, boolean erased) {
    }

    /** Encrypts with the citizen's key, made on first use (in the caller's transaction). */
    public byte[] seal(CitizenId citizen, byte[] plaintext) {
        try {
            Aead key = usable(citizen).orElseGet(() -> create(citizen));
            return key.encrypt(plaintext, associatedData(citizen));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be encrypted", e);
        }
    }

    /**
     * Decrypts with the citizen's key; empty when the citizen's data has been erased (the key
     * destroyed, or replaced by a newer key that cannot read what was written before the erasure).
     */
    public Optional<byte[]> open(CitizenId citizen, byte[] ciphertext) {
        Stored stored = stored(citizen).orElseThrow(() ->
                new IllegalStateException("no data key was ever made for citizen " + citizen));
        if (stored.wrapped() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(unwrap(citizen, stored.wrapped()).decrypt(ciphertext, associatedData(citizen)));
        } catch (GeneralSecurityException e) {
            if (stored.erased()) {
                return Optional.empty();
            }
            throw new IllegalStateException("personal data of citizen " + citizen + " could not be decrypted", e);
        }
    }

    /** Destroys the citizen's key (NO-DELETE-WITHOUT-ARCHIVE: erasure by making the data unreadable). */
    public void destroy(CitizenId citizen) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO citizen_data_key (citizen_id, keyset, created_at, erased_at) VALUES (?, NULL, ?, ?)
                ON CONFLICT (citizen_id) DO UPDATE SET keyset = NULL, erased_at = EXCLUDED.erased_at""",
                citizen.value(), now, now);
    }

    public boolean erased(CitizenId citizen) {
        return stored(citizen).map(Stored::erased).orElse(false);
    }

    private Optional<Aead> usable(CitizenId citizen) throws GeneralSecurityException {
        Optional<Stored> stored = stored(citizen);
        if (stored.isEmpty() || stored.get().wrapped() == null) {
            return Optional.empty();
        }
        return Optional.of(unwrap(citizen, stored.get().wrapped()));
    }

    /** A new key; after an erasure the citizen gets a fresh one that cannot read the erased data. */
    private Aead create(CitizenId citizen) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, associatedData(citizen));
            // A concurrent first use by another command wins; the loser reads the winner's key.
            jdbc.update("""
                    INSERT INTO citizen_data_key (citizen_id, keyset, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (citizen_id) DO UPDATE SET keyset = EXCLUDED.keyset, created_at = EXCLUDED.created_at
                    WHERE citizen_data_key.keyset IS NULL""",
                    citizen.value(), wrapped, Timestamp.from(clock.instant()));
            return usable(citizen).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be made", e);
        }
    }

    private Aead unwrap(CitizenId citizen, byte[] wrapped) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, associatedData(citizen))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private Optional<Stored> stored(CitizenId citizen) {
        return jdbc.query("SELECT keyset, erased_at FROM citizen_data_key WHERE citizen_id = ?",
                rs -> rs.next() ? Optional.of(new Stored(rs.getBytes(1), rs.getTimestamp(2) != null)) : Optional.<Stored>empty(),
                citizen.value());
    }

    private static byte[] associatedData(CitizenId citizen) {
        return ("citizen:" + citizen.value()).getBytes(StandardCharsets.UTF_8);
    }
}
