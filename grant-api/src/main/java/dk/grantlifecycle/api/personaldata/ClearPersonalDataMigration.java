package dk.grantlifecycle.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.domain.application.ApplicationEvent.ApplicationReceived;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.upcasting.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One-off migration (PII-NOT-IN-CLEAR): events stored before per-citizen encryption hold the
 * citizen's CPR number and name in clear. At start, before the event processors run, each such
 * payload (in the event store and in the dead-letter queue) is rewritten with its personal-data part
 * sealed under the citizen's key; nothing else in the payload changes. An upcaster could not do this:
 * it changes what is read, not what is stored, so the clear text would stay on disk. Rows are locked
 * and skipped by a second node running the same migration; once done, it finds nothing.
 */
@Component
public class ClearPersonalDataMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClearPersonalDataMigration.class);
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String TYPE = ApplicationReceived.class.getName();
    private static final List<String> TABLES = List.of("domainevententry", "deadletterentry");

    private final JdbcTemplate jdbc;
    private final CitizenKeys keys;
    private final TransactionTemplate transaction;

    public ClearPersonalDataMigration(JdbcTemplate jdbc, CitizenKeys keys, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("personal data: {} stored event(s) written in clear before encryption are now encrypted", migrated);
        }
    }

    /** Encrypts every clear personal-data part still stored; answers how many payloads were rewritten. */
    public int migrate() {
        int total = 0;
        for (String table : TABLES) {
            Integer count = transaction.execute(status -> migrate(table));
            total += count == null ? 0 : count;
        }
        return total;
    }

    private int migrate(String table) {
        record Clear(Object key, byte[] payload) {
        }
        String keyColumn = table.equals("domainevententry") ? "globalindex" : "deadletteridentifier";
        List<Clear> clear = jdbc.query("SELECT " + keyColumn + ", payload FROM " + table
                        + " WHERE payloadtype = ? AND convert_from(payload, 'UTF8') LIKE '%\"cpr\"%' FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Clear(rs.getObject(1), rs.getBytes(2)), TYPE);
        for (Clear row : clear) {
            jdbc.update("UPDATE " + table + " SET payload = ? WHERE " + keyColumn + " = ?", sealed(row.payload()), row.key());
        }
        return clear.size();
    }

    private byte[] sealed(byte[] payload) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(payload);
            JsonNode citizen = event.get("citizen");
            if (citizen == null || !citizen.has("cpr")) {
                return payload;
            }
            CitizenId owner = CitizenId.of(event.path("citizenId").asText());
            event.set("citizen", PersonalDataModule.seal(keys, owner, PersonalDataModule.read(keys, citizen)));
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
