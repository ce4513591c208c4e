package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.application.ApplicationCommands.AttachAssessment;
import dk.grantlifecycle.domain.application.ApplicationCommands.DecideApplication;
import dk.grantlifecycle.domain.application.ApplicationCommands.OutcomeRequest;
import dk.grantlifecycle.domain.application.ApplicationCommands.ReceiveApplication;
import dk.grantlifecycle.domain.application.ApplicationSource;
import dk.grantlifecycle.domain.application.RequestedService;
import dk.grantlifecycle.domain.decision.DecisionContent;
import dk.grantlifecycle.domain.decision.Delivery;
import dk.grantlifecycle.domain.decision.Fact;
import dk.grantlifecycle.domain.decision.GrantTerms;
import dk.grantlifecycle.domain.decision.ServiceDecision.Outcome;
import dk.grantlifecycle.domain.decision.VumLevel;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import dk.grantlifecycle.domain.shared.ApplicationId;
import dk.grantlifecycle.domain.shared.AssessmentId;
import dk.grantlifecycle.domain.shared.CaseId;
import dk.grantlifecycle.domain.shared.CitizenId;
import dk.grantlifecycle.domain.shared.CitizenIdentity;
import dk.grantlifecycle.domain.shared.Cpr;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data for cases: one style for all aggregate tests. */
public final class Cases {

    public static final LegalCalendar CALENDAR = TestRules.FIXTURE.calendar();

    public static final ApplicationId APPLICATION = ApplicationId.of("application-0001");
    /** The case of {@link #APPLICATION}. */
    public static final CaseId CASE = CaseId.of(APPLICATION);
    public static final AssessmentId ASSESSMENT = AssessmentId.of("assessment-0001");
    public static final DecisionId DECISION = DecisionId.of("decision-0001");
    public static final GrantId GRANT = GrantId.of("grant-00000001");
    public static final GrantId GRANT_2 = GrantId.of("grant-00000002");
    public static final CitizenId CITIZEN = CitizenId.of("citizen-0001");
    /** Born 1 January 1990. */
    public static final CitizenIdentity ADULT = new CitizenIdentity(Cpr.of("010190-1234"), "Test Borger");
    /** Born 1 March 2004: under 25 until 2029. */
    public static final CitizenIdentity YOUNG = new CitizenIdentity(Cpr.of("010304-4321"), "Ung Borger");
    /** Born 15 June 2008: 18 on 15 June 2026. */
    public static final CitizenIdentity MINOR = new CitizenIdentity(Cpr.of("150608-4111"), "Mindre Borger");
    /** Born 1 May 1958: state pension at 67 on 1 May 2025. */
    public static final CitizenIdentity SENIOR = new CitizenIdentity(Cpr.of("010558-1111"), "Ældre Borger");

    public static final MunicipalityId LEJRE = MunicipalityId.of("lejre");
    public static final MunicipalityId GLADSAXE = MunicipalityId.of("gladsaxe");
    public static final MunicipalityId AABENRAA = MunicipalityId.of("aabenraa");

    private Cases() {
    }

    public static RequestedService service(String code, String... themes) {
        return new RequestedService(code, code.toLowerCase(), List.of(themes));
    }

    public static ReceiveApplication receive(MunicipalityId m, Paragraph p, LocalDate on, RequestedService... services) {
        return receive(ADULT, m, p, on, false, Set.of(), services);
    }

    public static ReceiveApplication receive(CitizenIdentity who, MunicipalityId m, Paragraph p, LocalDate on, boolean acute,
                                             Set<Fact> facts, RequestedService... services) {
        return new ReceiveApplication(APPLICATION, CITIZEN, who, m, p, Arrays.asList(services),
                new ApplicationSource(ApplicationSource.Channel.CITIZEN, null), acute, on, "team-1", facts);
    }

    public static Map<String, VumLevel> scores(Object... themeAndLevel) {
        Map<String, VumLevel> scores = new LinkedHashMap<>();
        for (int i = 0; i < themeAndLevel.length; i += 2) {
            scores.put((String) themeAndLevel[i], VumLevel.parse(themeAndLevel[i + 1]));
        }
        return scores;
    }

    public static AttachAssessment assessed(LocalDate on, Object... themeAndLevel) {
        return new AttachAssessment(APPLICATION, ASSESSMENT, scores(themeAndLevel), on);
    }

    public static OutcomeRequest granted(String code, GrantId grant, GrantTerms terms) {
        return new OutcomeRequest(code, grant, Outcome.GRANTED, terms, null, List.of());
    }

    public static OutcomeRequest rejected(String code, GrantId grant, String reason, String... ruleIds) {
        return new OutcomeRequest(code, grant, Outcome.REJECTED, null, reason, Arrays.stream(ruleIds).map(RuleId::of).toList());
    }

    public static DecideApplication decide(LocalDate on, Set<Fact> facts, OutcomeRequest... outcomes) {
        return new DecideApplication(APPLICATION, DECISION, on, Arrays.asList(outcomes), facts, content(),
                Delivery.digitalPost(on), false, null, null);
    }

    public static DecideApplication decide(LocalDate on, OutcomeRequest... outcomes) {
        return decide(on, Set.of(), outcomes);
    }

    public static DecisionContent content() {
        return new DecisionContent("Serviceloven § 85", "the need is moderate and trainable", "VUM assessment of the application",
                new DecisionContent.ComplaintGuidance("the municipality, which forwards to Ankestyrelsen",
                        "in writing or orally", null, null));
    }
}
