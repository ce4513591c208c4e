package dk.grantlifecycle.projections;

import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.application.ApplicationEvent.*;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.followup.FollowUpId;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.grant.GrantEvent.*;
import dk.grantlifecycle.domain.grant.GrantId;
import dk.grantlifecycle.domain.grant.GrantTerms;
import dk.grantlifecycle.domain.grant.ServiceDecision;
import dk.grantlifecycle.domain.rules.VumLevel;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DeadlineEvents;
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
 * dates, are not known at it. Personal data is not part of the answer.
 */
@Component
public class AsOfHistory {

    public record CaseAsOf(String applicationId, Instant asOf, String status, String municipality, String paragraph,
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
        String status = "RECEIVED";
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
        final Map<String, DeadlineEvents.Opened> deadlines = new LinkedHashMap<>();
        final Map<String, Boolean> fired = new LinkedHashMap<>();
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
                deadlines.put(o.deadlineKey(), o);
            }
            if (e instanceof DeadlineEvents.Fired f) {
                fired.put(f.deadlineKey(), true);
            }
            if (e instanceof DeadlineEvents.Closed c) {
                deadlines.remove(c.deadlineKey());
            }
            if (e instanceof DeadlineEvents.ClosedMany c) {
                c.closedDeadlineKeys().forEach(deadlines::remove);
            }
        }

        private void application(ApplicationEvent a) {
            if (a instanceof ApplicationReceived e) {
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
                routedTo = e.unit();
            } else if (a instanceof AssessmentAttached e) {
                scores = e.scores();
            } else if (a instanceof ApplicationReferredElsewhere) {
                status = "REFERRED";
            } else if (a instanceof ApplicationDecided e) {
                status = "DECIDED";
                decisionId = e.decisionId().value();
                decidedOn = e.decidedOn();
                ruleSetVersion = String.valueOf(e.ruleSetVersion());
                for (ServiceDecision d : e.outcomes()) {
                    grants.putIfAbsent(d.grantId().value(), new GrantState(d));
                }
            } else if (a instanceof CaseRemitted) {
                status = "REOPENED";
            }
        }

        private void grant(GrantEvent g) {
            GrantState s = grants.get(g.grantId().value());
            if (s == null) {
                return;
            }
            if (g instanceof ServiceGranted) {
                s.status = "GRANTED";
            } else if (g instanceof ServiceRejected) {
                s.status = "REJECTED";
            } else if (g instanceof ServiceStarted e) {
                s.status = "STARTED";
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
                s.status = "ENDED";
                s.endedOn = e.endedOn();
            } else if (g instanceof DecisionChangedInFavour e) {
                if (e.terms() != null) {
                    s.terms = e.terms();
                }
                if (e.nowGranted()) {
                    s.status = "GRANTED";
                }
            } else if (g instanceof DecisionRevoked e) {
                if (e.restoredTerms() != null) {
                    s.terms = e.restoredTerms();
                }
                s.coming = null;
                s.comingFrom = null;
                if (e.reinstated()) {
                    s.status = s.startedOn == null ? "GRANTED" : "STARTED";
                    s.endedOn = null;
                }
            } else if (g instanceof ComplaintReceived e) {
                s.complaints.put(e.complaintId(), e.late() ? "RECEIVED_LATE" : "RECEIVED");
            } else if (g instanceof ComplaintNotAppealable e) {
                s.complaints.put(e.complaintId(), "NOT_APPEALABLE");
            } else if (g instanceof ComplaintReconsidered e) {
                s.complaints.put(e.complaintId(), "RECONSIDERED_" + e.outcome());
            } else if (g instanceof ComplaintEscalatedToAnkestyrelsen e) {
                s.complaints.put(e.complaintId(), "AT_ANKESTYRELSEN");
            } else if (g instanceof AppealDecided e) {
                s.complaints.put(e.complaintId(), "APPEAL_" + e.outcome());
            }
        }

        CaseAsOf result() {
            LocalDate today = Copenhagen.dateOf(asOf);
            List<DeadlineAsOf> open = deadlines.values().stream()
                    .map(d -> new DeadlineAsOf(d.deadlineKey(), d.deadlineKind().name(), d.ruleId(), d.dueOn(),
                            d.dueOn().isAfter(today) ? "UPCOMING" : d.dueOn().isEqual(today) ? "DUE_TODAY" : "OVERDUE"))
                    .sorted(java.util.Comparator.comparing(DeadlineAsOf::dueOn).thenComparing(DeadlineAsOf::deadlineKey))
                    .toList();
            List<GrantAsOf> lines = grants.entrySet().stream()
                    .filter(e -> e.getValue().status != null)
                    .map(e -> e.getValue().view(e.getKey()))
                    .toList();
            return new CaseAsOf(applicationId, asOf, status, municipality, paragraph, receivedOn, acute, team, caseworker,
                    routedTo, services, scores, decisionId, decidedOn, ruleSetVersion, lines, open, events, last);
        }
    }

    private static final class GrantState {
        final ServiceDecision decision;
        String status;
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
            return new GrantAsOf(grantId, decision.serviceCode(), decision.outcome().name(), status, terms, coming, comingFrom,
                    startedOn, endedOn, Map.copyOf(complaints));
        }
    }
}
