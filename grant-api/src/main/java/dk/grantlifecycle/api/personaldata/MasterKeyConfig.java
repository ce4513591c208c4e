package dk.grantlifecycle.api.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The master key that wraps every citizen's data key (PII-NOT-IN-CLEAR): a Tink AEAD keyset in
 * Tink's JSON format, from {@code grants.personal-data.master-key} (an environment variable) or
 * {@code grants.personal-data.master-key-file} (a mounted secret). A KMS can take its place later:
 * anything that is an {@link Aead} can wrap the data keys.
 * <p>
 * Local mode (the embedded PostgreSQL) generates a development master key and keeps it next to the
 * database's data directory, so a restart reads its events again; with a temporary data directory
 * the key lives as long as the process. With an external database a configured key is required:
 * the service refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
public class MasterKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfig.class);
    static final String DEVELOPMENT_KEY_FILE = "master-key.dev.json";

    @Bean
    @Qualifier("masterKey")
    public Aead masterKey(@Value("${grants.personal-data.master-key:}") String inline,
                          @Value("${grants.personal-data.master-key-file:}") String file,
                          @Value("${spring.datasource.url:}") String externalDatabase,
                          @Value("${grants.embedded-postgres.data-directory:}") String embeddedData)
            throws GeneralSecurityException, IOException {
        AeadConfig.register();
        KeysetHandle keyset;
        if (!inline.isBlank()) {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(inline, InsecureSecretKeyAccess.get());
            log.info("personal data: master key from grants.personal-data.master-key");
        } else if (!file.isBlank()) {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(Path.of(file), StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
            log.info("personal data: master key from the file named by grants.personal-data.master-key-file");
        } else if (!externalDatabase.isBlank()) {
            throw new IllegalStateException("grants.personal-data.master-key or grants.personal-data.master-key-file "
                    + "(GRANTS_MASTER_KEY / GRANTS_MASTER_KEY_FILE) must be set when an "
                    + "external database is used: it wraps the citizens' data keys");
        } else if (embeddedData.isBlank()) {
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            log.warn("personal data: local mode with a temporary database; a development master key lives in memory only");
        } else {
            keyset = developmentKey(Path.of(embeddedData).toAbsolutePath());
        }
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** Read, or generate once, the development key next to the embedded database's data directory. */
    private static KeysetHandle developmentKey(Path dataDirectory) throws GeneralSecurityException, IOException {
        Path parent = dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent();
        Path keyFile = parent.resolve(DEVELOPMENT_KEY_FILE);
        if (Files.exists(keyFile)) {
            log.warn("personal data: local mode; development master key read from {} (not for production)", keyFile);
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyFile, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        }
        KeysetHandle generated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        Files.createDirectories(parent);
        Path written = Files.writeString(parent.resolve(DEVELOPMENT_KEY_FILE + ".tmp"),
                TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // The file system has no POSIX permissions (Windows): the directory's own protection applies.
        }
        Files.move(written, keyFile);
        log.warn("personal data: local mode; development master key generated at {} (not for production)", keyFile);
        return generated;
    }
}
