package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.application.CitizenGrants;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Paragraph;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What the command side knows of each citizen's other grants, set up by a test. */
public final class InMemoryCitizenGrants implements CitizenGrants {

    private final Map<CitizenId, Set<Paragraph>> active = new HashMap<>();
    private final Map<CitizenId, Set<Paragraph>> ever = new HashMap<>();

    /** The citizen has a running grant under each paragraph. */
    public InMemoryCitizenGrants active(CitizenId citizen, Paragraph... paragraphs) {
        for (Paragraph p : paragraphs) {
            active.computeIfAbsent(citizen, c -> EnumSet.noneOf(Paragraph.class)).add(p);
            ever.computeIfAbsent(citizen, c -> EnumSet.noneOf(Paragraph.class)).add(p);
        }
        return this;
    }

    /** The citizen was granted help under each paragraph before; it has ended. */
    public InMemoryCitizenGrants earlier(CitizenId citizen, Paragraph... paragraphs) {
        for (Paragraph p : paragraphs) {
            ever.computeIfAbsent(citizen, c -> EnumSet.noneOf(Paragraph.class)).add(p);
        }
        return this;
    }

    @Override
    public Set<Paragraph> activeParagraphs(CitizenId citizen) {
        return Set.copyOf(active.getOrDefault(citizen, Set.of()));
    }

    @Override
    public boolean hadGrantUnder(CitizenId citizen, Paragraph paragraph) {
        return ever.getOrDefault(citizen, Set.of()).contains(paragraph);
    }
}
