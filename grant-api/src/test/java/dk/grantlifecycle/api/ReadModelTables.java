package dk.grantlifecycle.api;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every read-model table, row by row in a fixed order: for comparing read models after redelivery, retry and replay. */
final class ReadModelTables {

    private static final List<String> TABLES = List.of("case_view ORDER BY application_id", "grant_view ORDER BY grant_id",
            "complaint_view ORDER BY complaint_id", "deadline_view ORDER BY deadline_key", "deadline_case ORDER BY case_id",
            "audit_entry ORDER BY event_id", "dst_grant ORDER BY grant_id",
            "dst_movement ORDER BY event_id");

    private ReadModelTables() {
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table);
            rows.forEach(r -> r.replaceAll((k, v) -> v == null ? null : v.toString()));
            tables.put(table, rows);
        }
        return tables;
    }
}
