package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.deadline.Deadline;
import dk.grantlifecycle.domain.deadline.DeadlineEvents;
import dk.grantlifecycle.domain.deadline.DeadlineId;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ServiceDecision;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.lifecycle.CaseStatus;
import dk.grantlifecycle.domain.lifecycle.DeadlineStatus;
import dk.grantlifecycle.domain.lifecycle.GrantStatus;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.FollowUpId;
import dk.grantlifecycle.domain.shared.GrantId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a case as it was known at an instant, rebuilt from the event store (never from the
 * read models): the application's events up to that instant, the grant lines its decision had
 * opened by then, and their follow-up plans. Events recorded after the instant, even about earlier
 * dates, are not known at it. Personal data is not part of the answer, only whether it is present, erased or never
 * recorded (anonymous).
 */
@Component
public class AsOfHistory {

    public record CaseAsOf(String applicationId, Instant asOf, String status, String personalData, String municipality,
                           String paragraph,
                           LocalDate receivedOn, boolean acute, String team, String caseworker, String routedTo,
                           List<RequestedService> services, Map<String, VumLevel> scores, String decisionId,
                           LocalDate decidedOn, String ruleSetVersion, List<GrantAsOf> grants, List<DeadlineAsOf> openDeadlines,
                           int eventsKnown, Instant lastEventAt) {
    }

    public record GrantAsOf(String grantId, String serviceCode, String outcome, String status, GrantTerms terms,
                            GrantTerms comingTerms, LocalDate comingTermsFrom, LocalDate startedOn, LocalDate endedOn,
                            Map<String, String> complaints) {
    }

    /** An open deadline and its status on the date of the instant. */
    public record DeadlineAsOf(String deadlineKey, String kind, String ruleId, LocalDate dueOn, String status) {
    }

    private final EventStore eventStore;

    public AsOfHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<CaseAsOf> caseAsOf(String applicationId, Instant asOf) {
        List<DomainEventMessage<?>> application = eventsUntil(applicationId, asOf);
        if (application.isEmpty()) {
            return Optional.empty();
        }
        Fold fold = new Fold(applicationId, asOf);
        application.forEach(fold::apply);
        for (String grant : new ArrayList<>(fold.grants.keySet())) {
            eventsUntil(grant, asOf).forEach(fold::apply);
            eventsUntil(FollowUpId.forGrant(GrantId.of(grant)).value(), asOf).forEach(fold::apply);
        }
        return Optional.of(fold.result());
    }

    private List<DomainEventMessage<?>> eventsUntil(String aggregateId, Instant asOf) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).asStream()
                .filter(e -> !e.getTimestamp().isAfter(asOf))
                .forEach(events::add);
        return events;
    }

    private static final class Fold {
        final String applicationId;
        final Instant asOf;
        CaseStatus status = CaseStatus.INITIAL;
        String personalData;
        String municipality;
        String paragraph;
        LocalDate receivedOn;
        boolean acute;
        String team;
        String caseworker;
        String routedTo;
        List<RequestedService> services = List.of();
        Map<String, VumLevel> scores;
        String decisionId;
        LocalDate decidedOn;
        String ruleSetVersion;
        final Map<String, GrantState> grants = new LinkedHashMap<>();
        final Map<DeadlineId, Deadline> deadlines = new LinkedHashMap<>();
        int events;
        Instant last;

        Fold(String applicationId, Instant asOf) {
            this.applicationId = applicationId;
            this.asOf = asOf;
        }

        void apply(DomainEventMessage<?> message) {
            events++;
            last = last == null || message.getTimestamp().isAfter(last) ? message.getTimestamp() : last;
            Object e = message.getPayload();
            if (e instanceof ApplicationEvent a) {
                application(a);
            } else if (e instanceof GrantEvent g) {
                grant(g);
            }
            if (e instanceof DeadlineEvents.Opened o) {
                deadlines.put(o.deadline().id(), o.deadline());
            } else if (e instanceof DeadlineEvents.Closed c && c.deadlineId() != null) {
                deadlines.remove(c.deadlineId());
            } else if (e instanceof DeadlineEvents.ClosedMany c) {
                c.closedDeadlineIds().forEach(deadlines::remove);
            } else if (e instanceof DeadlineEvents.Moved m) {
                m.movedDeadlines().forEach(d -> deadlines.computeIfPresent(d.id(), (id, was) -> d));
            }
        }

        private void application(ApplicationEvent a) {
            status = status.after(a);
            if (a instanceof ApplicationReceived e) {
                // Crypto-shredding cannot be undone for the past: after an erasure this reads ERASED at every instant.
                personalData = CaseProjection.personalData(e);
                municipality = e.municipality().value();
                paragraph = e.paragraph().name();
                receivedOn = e.receivedOn();
                acute = e.acute();
                team = e.team();
                services = e.services();
                ruleSetVersion = String.valueOf(e.ruleSetVersion());
            } else if (a instanceof CaseworkerAssigned e) {
                team = e.team() == null ? team : e.team();
                caseworker = e.caseworker();
            } else if (a instanceof CaseRoutedToUnit e) {
                // SEL85-UNDER25: the routed unit's case, with no caseworker until it assigns one.
                routedTo = e.unit();
                team = e.unit();
                caseworker = null;
            } else if (a instanceof AssessmentAttached e) {
                scores = e.scores();
            } else if (a instanceof ApplicationDecided e) {
                decisionId = e.decisionId().value();
                decidedOn = e.decidedOn();
                ruleSetVersion = String.valueOf(e.ruleSetVersion());
                for (ServiceDecision d : e.outcomes()) {
                    grants.putIfAbsent(d.grantId().value(), new GrantState(d));
                }
            }
        }

        private void grant(GrantEvent g) {
            GrantState s = grants.get(g.grantId().value());
            if (s == null) {
                return;
            }
            if (g instanceof GrantEvent.Opened) {
                s.status = GrantStatus.opening(g);
            } else if (s.status != null) {
                s.status = s.status.after(g, s.startedOn != null || g instanceof ServiceStarted);
            }
            if (g instanceof ServiceStarted e) {
                s.startedOn = e.startedOn();
            } else if (g instanceof ScopeIncreased e) {
                s.terms = e.terms();
            } else if (g instanceof ScopeReduced e) {
                s.coming = e.terms();
                s.comingFrom = e.effectiveOn();
            } else if (g instanceof ReductionTookEffect e) {
                s.terms = e.terms();
                s.coming = null;
                s.comingFrom = null;
            } else if (g instanceof GrantEnded e) {
                s.endedOn = e.endedOn();
            } else if (g instanceof DecisionChangedInFavour e) {
                if (e.terms() != null) {
                    s.terms = e.terms();
                }
            } else if (g instanceof DecisionRevoked e) {
                if (e.restoredTerms() != null) {
                    s.terms = e.restoredTerms();
                }
                s.coming = null;
                s.comingFrom = null;
                if (e.reinstated()) {
                    s.endedOn = null;
                }
            } else if (g instanceof ComplaintReceived e) {
                s.complaints.put(e.complaintId().value(), e.late() ? "RECEIVED_LATE" : "RECEIVED");
            } else if (g instanceof ComplaintNotAppealable e) {
                s.complaints.put(e.complaintId().value(), "NOT_APPEALABLE");
            } else if (g instanceof ComplaintReconsidered e) {
                s.complaints.put(e.complaintId().value(), "RECONSIDERED_" + e.outcome());
            } else if (g instanceof ComplaintEscalatedToAnkestyrelsen e) {
                s.complaints.put(e.complaintId().value(), "AT_ANKESTYRELSEN");
            } else if (g instanceof AppealDecided e) {
                s.complaints.put(e.complaintId().value(), "APPEAL_" + e.outcome());
            }
        }

        CaseAsOf result() {
            LocalDate today = Copenhagen.dateOf(asOf);
            List<DeadlineAsOf> open = deadlines.values().stream()
                    .map(d -> new DeadlineAsOf(d.id().value(), d.kind().name(), d.rule().id(), d.dueOn(),
                            DeadlineStatus.of(DeadlineStatus.State.OPEN, d.dueOn(), today).name()))
                    .sorted(java.util.Comparator.comparing(DeadlineAsOf::dueOn).thenComparing(DeadlineAsOf::deadlineKey))
                    .toList();
            List<GrantAsOf> lines = grants.entrySet().stream()
                    .filter(e -> e.getValue().status != null)
                    .map(e -> e.getValue().view(e.getKey()))
                    .toList();
            return new CaseAsOf(applicationId, asOf, status.name(), personalData, municipality, paragraph, receivedOn, acute, team, caseworker,
                    routedTo, services, scores, decisionId, decidedOn, ruleSetVersion, lines, open, events, last);
        }
    }

    private static final class GrantState {
        final ServiceDecision decision;
        GrantStatus status;
        GrantTerms terms;
        GrantTerms coming;
        LocalDate comingFrom;
        LocalDate startedOn;
        LocalDate endedOn;
        final Map<String, String> complaints = new LinkedHashMap<>();

        GrantState(ServiceDecision decision) {
            this.decision = decision;
            this.terms = decision.terms();
        }

        GrantAsOf view(String grantId) {
            return new GrantAsOf(grantId, decision.service().code(), decision.outcome().name(), status.name(), terms, coming,
                    comingFrom, startedOn, endedOn, Map.copyOf(complaints));
        }
    }
}
