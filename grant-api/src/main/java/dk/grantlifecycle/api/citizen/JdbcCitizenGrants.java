package dk.grantlifecycle.api.citizen;

import dk.grantlifecycle.domain.application.CitizenGrants;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Paragraph;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * The command side's record of each citizen's grants ({@code citizen_grant}), read inside the
 * deciding command's transaction. The first read takes a transaction-scoped lock on the citizen,
 * so two decisions for the same citizen (on different applications, on different nodes) are
 * judged one after the other, each seeing what the other recorded: an exclusion (EXCL-*) cannot be
 * passed by both. The rows are written by {@link CitizenGrantsRecorder} in the same transaction as
 * the events they reflect.
 */
@Component
public class JdbcCitizenGrants implements CitizenGrants {

    private final JdbcTemplate jdbc;

    public JdbcCitizenGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Paragraph> activeParagraphs(CitizenId citizen) {
        lock(citizen);
        Set<Paragraph> active = EnumSet.noneOf(Paragraph.class);
        jdbc.queryForList("SELECT DISTINCT paragraph FROM citizen_grant WHERE citizen_id = ? AND active", String.class,
                citizen.value()).forEach(p -> active.add(Paragraph.valueOf(p)));
        return active;
    }

    @Override
    public boolean hadGrantUnder(CitizenId citizen, Paragraph paragraph) {
        lock(citizen);
        Boolean had = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM citizen_grant WHERE citizen_id = ? AND paragraph = ? AND granted)",
                Boolean.class, citizen.value(), paragraph.name());
        return Boolean.TRUE.equals(had);
    }

    private void lock(CitizenId citizen) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, "citizen-grants:" + citizen.value());
    }
}
