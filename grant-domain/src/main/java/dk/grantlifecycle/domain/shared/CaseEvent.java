package dk.grantlifecycle.domain.shared;

/**
 * Every event of every aggregate names the case it belongs to. Read models keep a case's events
 * in order across its aggregates by this id, and it is the key of the case's published events.
 */
public interface CaseEvent {

    CaseId caseId();
}
