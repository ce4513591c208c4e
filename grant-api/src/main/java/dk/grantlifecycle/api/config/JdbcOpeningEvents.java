package dk.grantlifecycle.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.grantlifecycle.domain.upcasting.EventJson;
import dk.grantlifecycle.domain.upcasting.OpeningEvents;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opening event of an aggregate as stored, for upcasting events of the first schema that did
 * not name their case. Only events stored in that schema ask, once per aggregate; answers are kept
 * in a bounded cache, since an opening event never changes.
 */
class JdbcOpeningEvents implements OpeningEvents {

    private static final int CACHED = 10_000;
    private static final ObjectMapper JSON = EventJson.mapper();

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<JsonNode>> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<JsonNode>> eldest) {
            return size() > CACHED;
        }
    });

    JdbcOpeningEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<JsonNode> of(String aggregateIdentifier) {
        Optional<JsonNode> known = cache.get(aggregateIdentifier);
        if (known != null) {
            return known;
        }
        List<byte[]> payload = jdbc.queryForList(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", byte[].class,
                aggregateIdentifier);
        Optional<JsonNode> opening = payload.stream().findFirst().map(JdbcOpeningEvents::parse);
        cache.put(aggregateIdentifier, opening);
        return opening;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
