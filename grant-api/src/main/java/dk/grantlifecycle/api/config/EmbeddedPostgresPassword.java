package dk.grantlifecycle.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded PostgreSQL's password: generated at the first start, kept in the data directory
 * ({@value #FILE}, mode 0600) so a restart finds it, and required of every connection.
 */
final class EmbeddedPostgresPassword {

    static final String FILE = "grants-db-password";
    private static final Map<Integer, String> BY_PORT = new ConcurrentHashMap<>();
    private static final String PG_HBA = """
            # Written by the service at start: every connection needs the generated password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private EmbeddedPostgresPassword() {
    }

    /** The kept password of a data directory, or a new one (a temporary directory always gets a new one). */
    static String existingOrNew(Path dataDirectory) throws IOException {
        if (dataDirectory != null && Files.isRegularFile(dataDirectory.resolve(FILE))) {
            return Files.readString(dataDirectory.resolve(FILE)).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Sets the password, makes pg_hba.conf ask for it, reloads, and keeps the password beside the data. */
    static void require(EmbeddedPostgres postgres, String password) {
        DataSource db = postgres.getDatabase("postgres", "postgres", Map.of("password", password));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            Path data;
            try (ResultSet r = s.executeQuery("SHOW data_directory")) {
                r.next();
                data = Path.of(r.getString(1));
            }
            Files.writeString(data.resolve("pg_hba.conf"), PG_HBA);
            Path file = data.resolve(FILE);
            Files.writeString(file, password);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions protect it.
            }
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not secure the embedded PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_PORT.put(postgres.getPort(), password);
    }

    static String of(EmbeddedPostgres postgres) {
        return BY_PORT.get(postgres.getPort());
    }
}
