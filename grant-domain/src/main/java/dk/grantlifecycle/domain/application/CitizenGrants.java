package dk.grantlifecycle.domain.application;

import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.Paragraph;

import java.util.Set;

/**
 * What the command side knows of a citizen's grants across cases, for the rules a decision needs
 * it for: services that exclude each other (EXCL-*) and first-time grants (SEL85-REASSESS-12W,
 * GLX-RETAIN). Kept consistent with the events (written in the same transaction as the decisions
 * and endings it reflects) and read under a per-citizen lock, so two decisions for one citizen
 * cannot both pass an exclusion; never an eventually consistent read model.
 */
public interface CitizenGrants {

    /** The paragraphs under which the citizen has a grant that has not ended. */
    Set<Paragraph> activeParagraphs(CitizenId citizen);

    /** Whether the citizen has ever been granted help under the paragraph. */
    boolean hadGrantUnder(CitizenId citizen, Paragraph paragraph);
}
