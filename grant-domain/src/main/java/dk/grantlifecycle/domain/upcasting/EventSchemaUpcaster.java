package dk.grantlifecycle.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.domain.application.ApplicationEvent;
import dk.grantlifecycle.domain.deadline.DeadlineKind;
import dk.grantlifecycle.domain.deadline.Party;
import dk.grantlifecycle.domain.followup.FollowUpEvent;
import dk.grantlifecycle.domain.grant.GrantEvent;
import dk.grantlifecycle.domain.hearing.HearingEvents;
import dk.grantlifecycle.domain.shared.RuleId;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Revision 1 to 2 of the events whose shape changed when the event schemas were made fit to
 * publish. Each change is one named step, applied to the stored JSON:
 * <ul>
 * <li>{@link #deadlineValue}: a deadline is recorded as one {@code deadline} value (id, kind,
 * rule, due date, who must act) instead of loose fields, and the scheduler token is dropped;</li>
 * <li>{@link #deadlineIdNamed}: {@code deadlineKey} is named {@code deadlineId};</li>
 * <li>{@link #caseNamed}: every event names its case (read from the aggregate's opening event
 * where the event did not carry it);</li>
 * <li>{@link #hearingOwnerNamed}: hearing events name the aggregate that holds the hearing;</li>
 * <li>{@link #serviceDecisionGrouped}: a service outcome's 16 fields are grouped into service,
 * grounds and plan;</li>
 * <li>{@link #cadenceByValue}: a follow-up names the cadence that set it, not its index in the
 * plan;</li>
 * <li>{@link #appealNamesApplication}: Ankestyrelsen's outcome names the application a remittal
 * reopens.</li>
 * </ul>
 * Events whose shape did not change keep revision 1 and are not touched.
 */
public final class EventSchemaUpcaster extends SingleEventUpcaster {

    private static final String FROM = "1";
    private static final String TO = "2";

    private interface Step extends BiConsumer<ObjectNode, IntermediateEventRepresentation> {
    }

    private final OpeningEvents openings;
    private final Map<String, Step> steps = new HashMap<>();

    public EventSchemaUpcaster(OpeningEvents openings) {
        this.openings = openings;
        application();
        hearings();
        grant();
        followUp();
    }

    private void application() {
        change(ApplicationEvent.CaseProcessingDeadlineSet.class, (o, ir) -> deadlineValue(o, DeadlineKind.CASE_PROCESSING,
                Party.MUNICIPALITY, "dueOn", null));
        change(ApplicationEvent.CaseProcessingDeadlineReached.class, (o, ir) -> deadlineIdNamed(o));
        change(ApplicationEvent.CitizenInformedOfDelay.class, (o, ir) -> deadlineIdNamed(o));
        change(ApplicationEvent.ApplicationReferredElsewhere.class, (o, ir) -> deadlineIdsNamed(o));
        change(ApplicationEvent.AcuteSupportStarted.class, (o, ir) -> deadlineIdNamed(o));
        change(ApplicationEvent.ApplicationDecided.class, (o, ir) -> {
            deadlineIdsNamed(o);
            o.withArray("outcomes").forEach(outcome -> serviceDecisionGrouped((ObjectNode) outcome));
        });
        change(ApplicationEvent.TreatmentGuaranteeSet.class, (o, ir) -> deadlineValue(o, DeadlineKind.TREATMENT_GUARANTEE,
                Party.MUNICIPALITY, "dueOn", null));
        change(ApplicationEvent.TreatmentGuaranteeBreached.class, (o, ir) -> deadlineIdNamed(o));
        change(ApplicationEvent.TreatmentStarted.class, (o, ir) -> deadlineIdNamed(o));
    }

    private void hearings() {
        change(HearingEvents.HearingRequested.class, (o, ir) -> {
            hearingOwnerNamed(o, ir);
            o.put("ruleId", RuleId.HEARING.id());
            deadlineValue(o, DeadlineKind.HEARING_ANSWER, Party.CITIZEN, "answerDueOn", null);
        });
        change(HearingEvents.HearingAnswered.class, (o, ir) -> {
            hearingOwnerNamed(o, ir);
            deadlineIdNamed(o);
        });
        change(HearingEvents.HearingAnswerDeadlinePassed.class, (o, ir) -> {
            hearingOwnerNamed(o, ir);
            deadlineIdNamed(o);
        });
    }

    private void grant() {
        change(GrantEvent.ServiceGranted.class, (o, ir) -> serviceDecisionGrouped((ObjectNode) o.get("decision")));
        change(GrantEvent.ServiceRejected.class, (o, ir) -> serviceDecisionGrouped((ObjectNode) o.get("decision")));
        change(GrantEvent.OutreachContactStarted.class, (o, ir) -> o.put("caseId", o.path("grantId").asText()));
        for (Class<?> onlyCase : new Class<?>[]{GrantEvent.WrittenDecisionIssued.class, GrantEvent.ActionPlanOffered.class,
                GrantEvent.ActionPlanAnswered.class, GrantEvent.ProviderAssigned.class, GrantEvent.ScopeIncreased.class,
                GrantEvent.ScopeReduced.class, GrantEvent.ComplaintNotAppealable.class,
                GrantEvent.SuspensionGrantedByAnkestyrelsen.class, GrantEvent.CompanionHoursUsed.class,
                GrantEvent.ContactHoursUsed.class, GrantEvent.ContactHoursMoved.class, GrantEvent.CompanionExpensesGranted.class,
                GrantEvent.HolidaySupportRecorded.class, GrantEvent.OwnPaymentAssessed.class,
                GrantEvent.TransportContributionAssessed.class}) {
            change(onlyCase, this::caseNamed);
        }
        for (Class<?> caseAndId : new Class<?>[]{GrantEvent.ReductionTookEffect.class,
                GrantEvent.EffectSuspendedPendingAppeal.class, GrantEvent.DecisionRevoked.class,
                GrantEvent.ComplaintWindowClosed.class, GrantEvent.ReconsiderationDue.class,
                GrantEvent.ComplaintReconsidered.class, GrantEvent.AppealDecisionOverdue.class,
                GrantEvent.ShelterNotificationOverdue.class, GrantEvent.ShelterNotified.class}) {
            change(caseAndId, (o, ir) -> {
                caseNamed(o, ir);
                deadlineIdNamed(o);
            });
        }
        change(GrantEvent.GrantEnded.class, (o, ir) -> deadlineIdNamed(o));
        change(GrantEvent.ReductionNoticeGiven.class, (o, ir) -> deadlineValue(o, DeadlineKind.NOTICE_EFFECTIVE,
                Party.MUNICIPALITY, "effectiveOn", null));
        change(GrantEvent.ComplaintWindowOpened.class, (o, ir) -> {
            o.put("ruleId", RuleId.COMPLAINT_WINDOW.id());
            deadlineValue(o, DeadlineKind.COMPLAINT_WINDOW, Party.CITIZEN, "endsOn", null);
        });
        change(GrantEvent.ReconsiderationDeadlineSet.class, (o, ir) -> deadlineValue(o, DeadlineKind.RECONSIDERATION,
                Party.MUNICIPALITY, "dueOn", null));
        change(GrantEvent.ComplaintEscalatedToAnkestyrelsen.class, (o, ir) -> deadlineValue(o, DeadlineKind.ESCALATION,
                Party.MUNICIPALITY, "expectedBy", null));
        change(GrantEvent.AppealDecided.class, (o, ir) -> {
            deadlineIdNamed(o);
            appealNamesApplication(o, ir);
        });
        change(GrantEvent.ShelterNotificationDue.class, (o, ir) -> {
            o.put("ruleId", RuleId.SHELTER_NOTIFY.id());
            deadlineValue(o, DeadlineKind.SHELTER_NOTIFICATION, Party.THIRD_PARTY, "dueOn", null);
        });
    }

    private void followUp() {
        change(FollowUpEvent.ServiceStartAnchored.class, this::caseNamed);
        change(FollowUpEvent.CitizenCancelledAppointment.class, this::caseNamed);
        change(FollowUpEvent.ReassessmentDue.class, (o, ir) -> {
            caseNamed(o, ir);
            deadlineIdNamed(o);
        });
        change(FollowUpEvent.FollowUpDue.class, (o, ir) -> {
            caseNamed(o, ir);
            deadlineIdNamed(o);
        });
        change(FollowUpEvent.FollowUpCompleted.class, (o, ir) -> {
            caseNamed(o, ir);
            deadlineIdNamed(o);
        });
        change(FollowUpEvent.FollowUpPlanEnded.class, (o, ir) -> {
            caseNamed(o, ir);
            deadlineIdsNamed(o);
        });
        change(FollowUpEvent.FollowUpScheduled.class, (o, ir) -> {
            cadenceByValue(o, ir);
            deadlineValue(o, null, Party.MUNICIPALITY, "dueOn", "windowOpensOn");
        });
    }

    private void change(Class<?> type, Step step) {
        steps.put(type.getName(), step);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation ir) {
        return FROM.equals(ir.getType().getRevision()) && steps.containsKey(ir.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation ir) {
        Step step = steps.get(ir.getType().getName());
        return ir.upcast(new SimpleSerializedType(ir.getType().getName(), TO), JsonNode.class, json -> {
            ObjectNode copy = ((ObjectNode) json).deepCopy();
            step.accept(copy, ir);
            return copy;
        }, metaData -> metaData);
    }

    /**
     * The loose deadline fields become one value: {@code deadlineKey} its id, the given date field
     * its due date, {@code ruleId} its rule (and {@code kind} its kind when {@code kind} is null);
     * the scheduler token ({@code scheduleId}) is dropped.
     */
    static void deadlineValue(ObjectNode o, DeadlineKind kind, Party party, String dueField, String windowField) {
        ObjectNode deadline = JsonNodeFactory.instance.objectNode();
        deadline.set("id", o.remove("deadlineKey"));
        deadline.put("kind", kind != null ? kind.name() : o.remove("kind").asText());
        deadline.set("rule", o.remove("ruleId"));
        deadline.set("dueOn", o.remove(dueField));
        deadline.put("party", party.name());
        JsonNode window = windowField == null ? null : o.remove(windowField);
        deadline.set("windowOpensOn", window == null ? JsonNodeFactory.instance.nullNode() : window);
        o.remove("scheduleId");
        o.set("deadline", deadline);
    }

    static void deadlineIdNamed(ObjectNode o) {
        JsonNode key = o.remove("deadlineKey");
        o.set("deadlineId", key == null ? JsonNodeFactory.instance.nullNode() : key);
    }

    static void deadlineIdsNamed(ObjectNode o) {
        JsonNode keys = o.remove("closedDeadlineKeys");
        o.set("closedDeadlineIds", keys == null ? JsonNodeFactory.instance.arrayNode() : keys);
    }

    /** The case of an event that did not name it: the case its aggregate's opening event names, or the aggregate itself. */
    private void caseNamed(ObjectNode o, IntermediateEventRepresentation ir) {
        String aggregate = ir.getAggregateIdentifier().orElse(null);
        String caseId = aggregate == null ? null : openings.of(aggregate)
                .map(opening -> opening.hasNonNull("caseId") ? opening.get("caseId").asText() : aggregate)
                .orElse(aggregate);
        o.put("caseId", caseId);
    }

    private static void hearingOwnerNamed(ObjectNode o, IntermediateEventRepresentation ir) {
        o.put("aggregateId", ir.getAggregateIdentifier().orElse(null));
    }

    private void appealNamesApplication(ObjectNode o, IntermediateEventRepresentation ir) {
        Optional<JsonNode> opening = ir.getAggregateIdentifier().flatMap(openings::of);
        JsonNode application = opening.map(e -> e.get("applicationId")).orElse(null);
        o.set("applicationId", application == null ? JsonNodeFactory.instance.nullNode() : application);
    }

    /** A follow-up names the cadence that set it (copied from the plan's opening event), not its index; -1 meant none. */
    private void cadenceByValue(ObjectNode o, IntermediateEventRepresentation ir) {
        int index = o.path("cadence").asInt(-1);
        JsonNode cadence = index < 0 ? null : ir.getAggregateIdentifier().flatMap(openings::of)
                .map(plan -> plan.path("cadences").path(index))
                .filter(JsonNode::isObject)
                .orElse(null);
        o.set("cadence", cadence == null ? JsonNodeFactory.instance.nullNode() : cadence.deepCopy());
    }

    /** A service outcome's fields grouped into service, grounds and plan. */
    static void serviceDecisionGrouped(ObjectNode d) {
        Map<String, JsonNode> old = new LinkedHashMap<>();
        d.fields().forEachRemaining(e -> old.put(e.getKey(), e.getValue()));
        d.removeAll();
        d.set("grantId", old.get("grantId"));
        d.set("paragraph", old.get("paragraph"));
        ObjectNode service = d.putObject("service");
        service.set("code", old.get("serviceCode"));
        service.set("name", old.get("serviceName"));
        service.set("conditions", old.getOrDefault("conditions", JsonNodeFactory.instance.arrayNode()));
        service.set("plannedWith", old.getOrDefault("plannedWith", JsonNodeFactory.instance.nullNode()));
        d.set("outcome", old.get("outcome"));
        d.set("terms", old.getOrDefault("terms", JsonNodeFactory.instance.nullNode()));
        ObjectNode grounds = d.putObject("grounds");
        grounds.set("ruleIds", old.getOrDefault("ruleIds", JsonNodeFactory.instance.arrayNode()));
        grounds.set("reason", old.getOrDefault("reason", JsonNodeFactory.instance.nullNode()));
        grounds.set("referral", old.getOrDefault("referral", JsonNodeFactory.instance.arrayNode()));
        grounds.set("findings", JsonNodeFactory.instance.arrayNode());
        ObjectNode plan = d.putObject("plan");
        plan.set("actionPlan", old.getOrDefault("actionPlan", JsonNodeFactory.instance.textNode("NOT_REQUIRED")));
        plan.set("firstGrant", old.getOrDefault("firstGrant", JsonNodeFactory.instance.booleanNode(false)));
        plan.set("cadences", old.getOrDefault("cadences", JsonNodeFactory.instance.arrayNode()));
        plan.set("repeatedCancellations", old.getOrDefault("repeatedCancellations", JsonNodeFactory.instance.nullNode()));
        d.set("hours", old.getOrDefault("hours", JsonNodeFactory.instance.nullNode()));
    }
}
