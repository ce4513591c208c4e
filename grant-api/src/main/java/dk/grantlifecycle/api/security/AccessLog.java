package dk.grantlifecycle.api.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * ACCESS-LOG (GDPR art. 15): who read which case, when, through which endpoint and why. Only
 * inserts and selects here; the table refuses updates and deletes (V30).
 */
@Component
public class AccessLog {

    public record Entry(long id, Instant accessedAt, String actor, String roles, String municipality, String caseId,
                        String citizenId, String endpoint, String purpose) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a read before its data is served: if this fails, the read fails. */
    public void record(Caller caller, CaseOwners.Owner owner, String endpoint, String purpose) {
        String roles = String.join(",", new TreeSet<>(caller.roles().stream().map(Role::lowerCase).toList()));
        jdbc.update("""
                INSERT INTO access_log (accessed_at, actor, roles, municipality, case_id, citizen_id, endpoint, purpose)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(clock.instant()), caller.actor(), roles, owner.municipality(),
                owner.caseId(), owner.citizenId(), endpoint, purpose);
    }

    /** The look-ups of one municipality's case or citizen in [from, to), oldest first. */
    public List<Entry> search(String municipality, String caseId, String citizenId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE municipality = ?");
        List<Object> args = new ArrayList<>(List.of(municipality));
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (citizenId != null) {
            sql.append(" AND citizen_id = ?");
            args.add(citizenId);
        }
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND accessed_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY accessed_at, id LIMIT 10000");
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(),
                rs.getString("actor"), rs.getString("roles"), rs.getString("municipality"), rs.getString("case_id"),
                rs.getString("citizen_id"), rs.getString("endpoint"), rs.getString("purpose")), args.toArray());
    }
}
