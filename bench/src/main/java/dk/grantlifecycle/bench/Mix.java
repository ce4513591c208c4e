package dk.grantlifecycle.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realistic mix: each case is walked the way a caseworker walks it (application, caseworker,
 * assessment started and completed, a decision that schedules the grant's deadlines, then work on
 * the existing grant: action plan offered and answered, service started). A client keeps a few
 * cases open at different steps, so the mix holds every kind of command at once.
 */
final class Mix {

    enum Step { RECEIVE, ASSIGN, START_ASSESSMENT, COMPLETE_ASSESSMENT, DECIDE, OFFER_PLAN, ANSWER_PLAN, START_SERVICE }

    static final Step[] STEPS = Step.values();
    static final int PATIENCE = 50;
    private static final AtomicLong CASES = new AtomicLong();

    /** One case on its way through the steps. */
    static final class CaseFlow {
        final long n = CASES.getAndIncrement();
        String applicationId;
        String assessmentId;
        String grantId;
        int step;
        /** Times the current step was found not possible yet; a step is given up after {@link #PATIENCE}. */
        int notYet;

        Step next() {
            return STEPS[step];
        }

        boolean done() {
            return step >= STEPS.length;
        }

        String team() {
            return "team-" + (n % 4);
        }

        String caseworker() {
            return "cw-" + (n % 16);
        }
    }

    /** What running a step gave: done (with the stored position, if known), not visible yet (try later), or refused. */
    record Outcome(boolean ok, boolean later, String error, long position) {
        static Outcome done(long position) {
            return new Outcome(true, false, null, position);
        }

        /**
         * A decision refused because the application does not know the completed assessment yet: the case process
         * carries it over moments after the completion (a caseworker's screen would show the case first).
         */
        static Outcome notYetOrFailed(CaseFlow f, String kind) {
            return ++f.notYet < PATIENCE ? notYet() : failed(kind);
        }

        static Outcome notYet() {
            return new Outcome(false, true, null, -1);
        }

        static Outcome failed(String kind) {
            return new Outcome(false, false, kind, -1);
        }
    }

    /** Runs one step of a case: in-process through Axon or over HTTP. */
    interface Driver {
        Outcome run(CaseFlow flow, Step step) throws Exception;
    }

    /** Distinct, valid CPR numbers (DDMMYY-SSSS, born 1960-1999), so no two cases share a citizen. */
    static String cpr(long n) {
        long day = 1 + n % 28;
        long month = 1 + (n / 28) % 12;
        long yy = 60 + (n / 336) % 40;
        long seq = (n / 13440) % 4000;
        return "%02d%02d%02d-%04d".formatted(day, month, yy, seq);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }

    static String receive(CaseFlow f) {
        // Received up to 60 days ago, so some case-processing deadlines are overdue in the queue.
        return """
                {"citizen": {"cpr": "%s", "name": "Bench Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
                 "source": {"channel": "PARTNER", "partner": "psykiatrien"}, "receivedOn": "%s", "team": "%s"}"""
                .formatted(cpr(f.n), today().minusDays(f.n % 60), f.team());
    }

    static String assign(CaseFlow f) {
        return "{\"team\": \"%s\", \"caseworker\": \"%s\"}".formatted(f.team(), f.caseworker());
    }

    static final String COMPLETE_ASSESSMENT = """
            {"scores": {"PRACTICAL_TASKS": 2, "HEALTH": "NOT_ASSESSED"},
             "evidence": [{"source": "DOCTOR", "description": "statement from GP", "consentGiven": true}],
             "madeWithCitizen": true}""";

    static final String DECIDE = """
            {"outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED",
                           "terms": {"description": "Træning i madlavning", "hoursPerWeek": 2, "form": "GROUP",
                                     "goals": ["laver varm mad tre gange om ugen"],
                                     "lessIntrusiveConsidered": ["værested afprøvet i 3 måneder"]}}],
             "content": {"legalRules": "Serviceloven § 85", "discretion": "moderate, trainable need",
                         "facts": "VUM assessment", "complaintGuidance": {"where": "kommunen", "how": "skriftligt eller mundtligt"}}}""";

    static final String ANSWER_PLAN = "{\"accepted\": true}";

    private Mix() {
    }
}
