package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.grantlifecycle.api.web.command.ReadModelCatchUp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least 10,000 malformed requests across every command endpoint of the served OpenAPI
 * document, generated with jqwik's arbitraries from a fixed seed ({@code -Dfuzz.seed} to vary it):
 * U+0000 and other control characters, unpaired surrogates and oversized values in every text
 * field, numbers, out-of-range years and impossible days as dates, null and surplus list elements,
 * unknown enum values and properties, wrong JSON types, broken and oversized bodies, bad path
 * segments (NUL, invalid UTF-8, a raw '{', matrix parameters) and bad headers. Each request starts
 * from a valid body for the endpoint, aimed at cases set up for the purpose, and breaks one thing.
 * Every answer must be a 4xx problem+json naming the field (the JSON path for a body field), no
 * answer a 5xx, and no refused request may store an event.
 */
class MalformedRequestsFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
    private static final int AT_LEAST = 10_000;
    /** Writes every non-ASCII character as a \\u escape, so an unpaired surrogate reaches the service as JSON sends it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> MULTI_LINE = Set.of("reason", "reasons", "description", "summary", "note", "answer", "facts",
            "discretion", "legalRules", "individualAssessment", "wageAboveRuleReason", "individualReason", "permanentReason",
            "withoutCitizenReason", "where", "how", "goals", "lessIntrusiveConsidered", "caseMaterial");

    private static final String TERMS = """
            {"description": "Træning i madlavning", "frequency": "P1W", "hoursPerWeek": 2, "hoursPerMonth": 8, "deductedHours": 0,
             "hoursInPeriod": 10, "placeSize": "HALF", "daysPerWeek": 2, "hourlyWage": 10.5, "minimumWageReference": 120,
             "wageAboveRuleReason": "agreed", "form": "GROUP", "individualReason": "none", "temporary": true,
             "permanentReason": "none", "validUntil": "2027-01-01", "goals": ["laver mad"], "lessIntrusiveConsidered": ["værested"]}""";
    private static final String CONTENT = """
            {"legalRules": "Serviceloven § 85", "discretion": "moderate need", "facts": "VUM",
             "complaintGuidance": {"where": "kommunen", "how": "skriftligt eller mundtligt", "deadline": "2026-02-07"}}""";
    private static final String DELIVERY = "{\"channel\": \"DIGITAL_POST\", \"sentOn\": \"2026-01-07\", \"receivedOn\": \"2026-01-07\"}";
    private static final String HEARING = "{\"sentOn\": \"2026-01-07\", \"answerBy\": \"2026-01-21\", \"facts\": \"the facts\"}";
    private static final String ANSWER = "{\"answeredOn\": \"2026-01-08\", \"answer\": \"my answer\"}";
    private static final String SCOPE = """
            {"decidedOn": "2026-01-09", "terms": %s, "asRequested": false, "effectiveOn": "2026-02-01", "content": %s, "delivery": %s,
             "factsNotSeenByCitizen": false}""".formatted(TERMS, CONTENT, DELIVERY);

    /** A valid body for every command endpoint, keyed as "METHOD path-template"; null: the endpoint reads no body. */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("POST /applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "lejre", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "description": "Træning i madlavning", "themes": ["PRACTICAL_TASKS"]}],
                 "source": {"channel": "PARTNER", "partner": "psykiatrien"}, "acute": false, "receivedOn": "2026-01-05",
                 "team": "team-nord", "facts": ["SEL83_ASSESSED_FIRST"]}""");
        BODIES.put("POST /applications/{id}/caseworker", "{\"team\": \"team-nord\", \"caseworker\": \"cw-anna\"}");
        BODIES.put("POST /applications/{id}/referral",
                """
                {"referredTo": "Roskilde Kommune", "reason": "moved", "ruleIds": ["ELIG-ADULT"], "referredOn": "2026-01-06",
                 "content": %s, "delivery": %s, "factsNotSeenByCitizen": false}""".formatted(CONTENT, DELIVERY));
        BODIES.put("POST /applications/{id}/withdrawal", "{\"withdrawnOn\": \"2026-01-06\", \"form\": \"ORAL\", \"note\": \"by phone\"}");
        BODIES.put("POST /applications/{id}/acute-support", "{\"startedOn\": \"2026-01-06\", \"description\": \"akut støtte\"}");
        BODIES.put("POST /applications/{id}/assessments", "{\"startedOn\": \"2026-01-06\"}");
        BODIES.put("POST /applications/{id}/decision", """
                {"decidedOn": "2026-01-07", "outcomes": [{"serviceCode": "MADLAVNING", "outcome": "GRANTED", "terms": %s,
                 "reason": "moderate need", "ruleIds": ["SEL85-TARGET"]}], "facts": ["SEL83_ASSESSED_FIRST"], "content": %s,
                 "delivery": %s, "factsNotSeenByCitizen": false}""".formatted(TERMS, CONTENT, DELIVERY));
        BODIES.put("POST /applications/{id}/delay-letter",
                "{\"informedOn\": \"2026-01-07\", \"expectedDecisionBy\": \"2026-03-01\", \"reason\": \"waiting for the doctor\"}");
        BODIES.put("POST /applications/{id}/hearings", HEARING);
        BODIES.put("POST /applications/{id}/hearings/{hearingId}/answer", ANSWER);
        BODIES.put("POST /assessments/{id}/completion", """
                {"completedOn": "{today}", "scores": {"PRACTICAL_TASKS": 2, "HEALTH": "NOT_ASSESSED"},
                 "evidence": [{"source": "DOCTOR", "description": "statement from GP", "consentGiven": true, "receivedOn": "2026-01-07"}],
                 "madeWithCitizen": false, "withoutCitizenReason": "in hospital"}""");
        BODIES.put("POST /grants/{id}/action-plan/offer", "{\"on\": \"2026-01-08\"}");
        BODIES.put("POST /grants/{id}/action-plan/answer", "{\"answeredOn\": \"2026-01-08\", \"accepted\": true}");
        BODIES.put("POST /grants/{id}/provider", """
                {"provider": "Bo Bedst ApS", "relation": "NONE", "individualAssessment": "suits the citizen", "citizenChoice": true,
                 "comparableOffer": false, "assignedOn": "2026-01-08"}""");
        BODIES.put("POST /grants/{id}/start", "{\"startedOn\": \"2026-01-08\"}");
        BODIES.put("POST /grants/{id}/scope-increase", SCOPE);
        BODIES.put("POST /grants/{id}/scope-reduction", SCOPE);
        BODIES.put("POST /grants/{id}/termination", """
                {"decidedOn": "2026-01-09", "reason": "GOALS_MET", "effectiveOn": "2026-03-01", "replacedBy": "SEL83", "content": %s,
                 "delivery": %s, "factsNotSeenByCitizen": false, "citizenDeclinesAfterCare": false}""".formatted(CONTENT, DELIVERY));
        BODIES.put("POST /grants/{id}/hours", "{\"month\": \"2026-01\", \"hours\": 3.5}");
        BODIES.put("POST /grants/{id}/hours/moves", "{\"from\": \"2026-01\", \"to\": \"2026-02\", \"hours\": 1, \"reason\": \"ferie\"}");
        BODIES.put("POST /grants/{id}/companion-expenses", "{\"year\": 2026, \"amount\": 1000}");
        BODIES.put("POST /grants/{id}/holiday-support", "{\"from\": \"2026-06-01\", \"to\": \"2026-06-14\", \"inDenmark\": true}");
        BODIES.put("POST /grants/{id}/own-payment", """
                {"from": "2026-06-01", "to": "2026-06-14", "hasIncome": true, "monthlyNetIncome": 12000,
                 "proposedMonthlyPayment": 500, "mealsIncluded": false}""");
        BODIES.put("POST /grants/{id}/transport",
                "{\"month\": \"2026-01\", \"distanceKm\": 12.5, \"transportCost\": 800, \"netEarnings\": 5000}");
        BODIES.put("POST /grants/{id}/follow-ups/completion",
                "{\"deadlineKey\": \"some-grant/follow-up/1\", \"completedOn\": \"2026-01-09\", \"note\": \"all well\"}");
        BODIES.put("POST /grants/{id}/follow-ups/cancellations", "{\"cancelledOn\": \"2026-01-09\"}");
        BODIES.put("POST /outreach",
                "{\"municipality\": \"lejre\", \"cpr\": \"010190-1234\", \"startedOn\": \"2026-01-09\", \"description\": \"street work\"}");
        BODIES.put("POST /grants/{id}/written-decision", "{\"decidedOn\": \"2026-01-09\", \"content\": %s, \"delivery\": %s}"
                .formatted(CONTENT, DELIVERY));
        BODIES.put("POST /grants/{id}/decisions/{decisionId}/receipt",
                "{\"channel\": \"PAPER\", \"receivedOn\": \"2026-01-10\", \"reference\": \"msg-1\"}");
        BODIES.put("POST /grants/{id}/complaints", """
                {"decisionId": "{decision}", "receivedOn": "2026-01-10", "form": "ORAL", "subject": "DECISION",
                 "summary": "too little help"}""");
        BODIES.put("POST /grants/{id}/complaints/{complaintId}/reconsideration", """
                {"reconsideredOn": "2026-01-10", "outcome": "UPHELD", "reasons": "the assessment stands", "terms": %s,
                 "caseMaterial": ["decision letter"], "content": %s, "delivery": %s}""".formatted(TERMS, CONTENT, DELIVERY));
        BODIES.put("POST /grants/{id}/complaints/{complaintId}/appeal-decision",
                "{\"outcome\": \"UPHELD\", \"decidedOn\": \"2026-01-10\", \"receivedOn\": \"2026-01-10\", \"reference\": \"ANK-2\"}");
        BODIES.put("POST /grants/{id}/complaints/{complaintId}/suspension", "{\"grantedOn\": \"2026-01-10\", \"reference\": \"ANK-3\"}");
        BODIES.put("POST /grants/{id}/hearings", HEARING);
        BODIES.put("POST /grants/{id}/hearings/{hearingId}/answer", ANSWER);
        BODIES.put("POST /grants/{id}/shelter-notifications", "{\"kind\": \"ADMISSION\", \"receivedOn\": \"2026-01-10\"}");
        BODIES.put("POST /admin/cases/{id}/citizen-erasure",
                "{\"reason\": \"the citizen asked for erasure\", \"archivePermission\": \"Lejre Stadsarkiv 2026-1\"}");
        BODIES.put("POST /admin/replays/{projection}", null);
        BODIES.put("POST /admin/dead-letters/{processingGroup}/retry", null);
        BODIES.put("POST /reports/dst/{municipality}/{month}", null);
    }

    /** One malformed request and what it breaks; {@code field} is the JSON path expected back, when it is known. */
    record Malformed(String endpoint, String kind, String method, String target, String body, Map<String, String> headers,
                     boolean raw, String field) {
    }

    private static ConfigurableApplicationContext service;
    private static int port;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static ReadModelCatchUp catchUp;

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }

    /** The service on a PostgreSQL of its own; jqwik runs this class, so Spring's test context does not start it. */
    @BeforeContainer
    static void startService() {
        service = new SpringApplicationBuilder(GrantsApplication.class).run("--server.port=0", "--grants.simulation.enabled=true",
                "--grants.embedded-postgres.data-directory=");
        port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        api = new Api(port, "cw-test");
        jdbc = service.getBean(JdbcTemplate.class);
        catchUp = service.getBean(ReadModelCatchUp.class);
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    /**
     * jqwik's arbitraries generate the malformed values, drawn from one seeded source so a run can be
     * repeated exactly; the requests are then sent by four clients at once.
     */
    @Example
    @Label("10,000+ malformed requests over every command endpoint: no 5xx, every 4xx problem+json naming the field, no event stored")
    void malformedRequestsAreRefusedAndStoreNothing() throws Exception {
        Map<String, String> ids = Scenarios.caseWithEveryId(api);
        JsonNode document = api.get("/v3/api-docs").body();
        Map<String, JsonNode> operations = commandOperations(document);
        assertThat(BODIES.keySet()).as("a valid body for every command endpoint in the OpenAPI document")
                .containsExactlyInAnyOrderElementsOf(operations.keySet());

        List<Malformed> requests = new ArrayList<>();
        Map<String, List<Function<Void, Malformed>>> generators = new LinkedHashMap<>();
        for (String endpoint : BODIES.keySet()) {
            List<Function<Void, Malformed>> forEndpoint = generatorsFor(endpoint, ids, document, operations.get(endpoint));
            generators.put(endpoint, forEndpoint);
            forEndpoint.forEach(g -> requests.add(g.apply(null)));
        }
        List<Function<Void, Malformed>> everything = generators.values().stream().flatMap(List::stream).toList();
        while (requests.size() < AT_LEAST) {
            requests.add(everything.get(random.nextInt(everything.size())).apply(null));
        }

        assertThat(catchUp.await(List.of(headIndex()))).as("the set-up has settled").isEqualTo(ReadModelCatchUp.State.CURRENT);
        long startIndex = headIndex();
        Map<String, Integer> storedBefore = storedFor(ids, startIndex);
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        Map<String, AtomicInteger> kinds = new TreeMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        for (Malformed m : requests) {
            clients.submit(() -> {
                try {
                    Answer answer = send(m);
                    counts.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    String problem = judge(m, answer);
                    if (problem != null) {
                        failures.add(m.endpoint() + " [" + m.kind() + "] " + m.method() + " " + abbreviate(m.target()) + ": " + problem);
                    }
                } catch (RuntimeException e) {
                    failures.add(m.endpoint() + " [" + m.kind() + "] could not be sent: " + e);
                }
            });
            kinds.computeIfAbsent(m.kind().replaceAll(" .*", ""), k -> new AtomicInteger()).incrementAndGet();
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        statuses.putAll(counts);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        System.out.printf("[fuzz] seed %d: %d malformed requests over %d command endpoints in %d s; statuses %s%n", SEED,
                requests.size(), BODIES.size(), seconds, statuses);
        System.out.println("[fuzz] by kind: " + kinds);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-failures.txt"), new TreeSet<>(failures));
        List<String> sample = new ArrayList<>(new TreeSet<>(failures)).subList(0, Math.min(40, new TreeSet<>(failures).size()));
        assertThat(failures.size()).as("requests not refused as 4xx problem+json naming the field, e.g.\n" + String.join("\n", sample))
                .isZero();
        assertThat(storedFor(ids, startIndex)).as("events stored on the cases aimed at, or on new aggregates").isEqualTo(storedBefore);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(AT_LEAST);
    }

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer send(Malformed m) {
        try {
            if (m.raw()) {
                RawHttp.Answer raw = RawHttp.send(port, m.method(), m.target(), m.body());
                String body = raw.body();
                int start = body.indexOf('{');
                JsonNode json = start < 0 ? JSON.nullNode() : JSON.readTree(body.substring(start, body.lastIndexOf('}') + 1));
                return new Answer(raw.status(), raw.contentType(), json);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + m.target()))
                    .timeout(Duration.ofSeconds(30));
            m.headers().forEach(request::header);
            request.method(m.method(), m.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(m.body()));
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", JSON.nullNode());
        }
    }

    /** Why the answer is wrong for a malformed request, or null when it is right. */
    private static String judge(Malformed m, Answer a) {
        if (a.status() < 400 || a.status() >= 500) {
            return "status " + a.status() + " " + abbreviate(a.body().toString());
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            return a.status() + " with content type " + a.contentType();
        }
        String field = a.body().path("field").asText("");
        if (field.isBlank()) {
            return a.status() + " without a field: " + abbreviate(a.body().toString());
        }
        if (m.field() != null && !m.field().equals(field)) {
            return a.status() + " names field '" + field + "', expected '" + m.field() + "': " + abbreviate(a.body().path("detail").asText());
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // --- What is generated -------------------------------------------------------------------------------------------

    private List<Function<Void, Malformed>> generatorsFor(String endpoint, Map<String, String> ids, JsonNode document,
                                                          JsonNode operation) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        String path = concretePath(template, ids);
        String body = BODIES.get(endpoint) == null ? null
                : BODIES.get(endpoint).replace("{decision}", ids.get("decision")).replace("{today}", ids.get("today"));
        List<Function<Void, Malformed>> generators = new ArrayList<>();
        if (body != null) {
            JsonNode tree = read(body);
            JsonNode schema = requestSchema(document, operation);
            walk(tree, schema, document, "", (location, node, nodeSchema) ->
                    generators.addAll(bodyMutations(endpoint, method, path, tree, location, node, nodeSchema)));
            generators.addAll(wholeBodyMutations(endpoint, method, path, body));
        }
        generators.addAll(pathMutations(endpoint, method, template, ids, body));
        generators.addAll(headerMutations(endpoint, method, path, body));
        return generators;
    }

    private interface Visitor {
        void visit(String location, JsonNode node, JsonNode schema);
    }

    private void walk(JsonNode node, JsonNode schema, JsonNode document, String location, Visitor visitor) {
        JsonNode resolved = resolve(schema, document);
        visitor.visit(location, node, resolved);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = resolved.path("properties").path(e.getKey());
                if (child.isMissingNode()) {
                    child = resolved.path("additionalProperties");
                }
                walk(e.getValue(), child, document, location.isEmpty() ? e.getKey() : location + "." + e.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), resolved.path("items"), document, location + "[" + i + "]", visitor);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        JsonNode s = schema;
        for (int depth = 0; depth < 10 && s.has("$ref"); depth++) {
            String ref = s.get("$ref").asText();
            s = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0), document);
        }
        return s;
    }

    private List<Function<Void, Malformed>> bodyMutations(String endpoint, String method, String path, JsonNode tree, String location,
                                                          JsonNode node, JsonNode schema) {
        List<Function<Void, Malformed>> out = new ArrayList<>();
        if (location.isEmpty()) {
            return out;
        }
        String name = location.replaceAll(".*\\.", "").replaceAll("\\[\\d+]$", "");
        boolean multiLine = MULTI_LINE.contains(name);
        Function<JsonNode, Function<Void, Malformed>> replace = null;
        if (node.isTextual()) {
            String text = node.asText();
            if (location.startsWith("scores.")) {
                // VUM-SCALE: a level is 0-4, A-E or NOT_ASSESSED, written as a number or a text; anything else is refused.
                out.add(v -> set(endpoint, "vum-level-unknown", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.of("F", "5", "-1", "SEVERE_NOPE", "\u0000", ""))), location));
            } else if (schema.has("enum") || name.equals("themes")) {
                out.add(v -> set(endpoint, "unknown-enum", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(12)
                                .filter(s -> !enumValues(schema).contains(s))) + "_NOPE"), location));
                out.add(v -> set(endpoint, "enum-as-number", method, path, tree, location,
                        JsonNodeFactory.instance.numberNode(draw(Arbitraries.integers().between(0, 5))), location));
            } else if (DATE.matcher(text).matches()) {
                out.add(v -> set(endpoint, "date-as-number", method, path, tree, location,
                        JsonNodeFactory.instance.numberNode(draw(Arbitraries.integers().between(-50_000, 80_000))), location));
                out.add(v -> set(endpoint, "date-year-out-of-range", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.oneOf(Arbitraries.integers().between(0, 1899),
                                Arbitraries.integers().between(2101, 9999)).map(y -> "%04d-%s".formatted(y, text.substring(5))))), location));
                out.add(v -> set(endpoint, "date-year-named", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.of("0001", "-0001", "1800", "0000", "+10000"))
                                + text.substring(4)), location));
                out.add(v -> set(endpoint, "date-impossible-day", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31",
                                "2026/01/05", "05-01-2026", "2026-1-5", "today", ""))), location));
            } else if (MONTH.matcher(text).matches()) {
                out.add(v -> set(endpoint, "month-out-of-range", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(draw(Arbitraries.of("2026-13", "1899-12", "2101-01", "0000-01", "26-01", ""))),
                        location));
                out.add(v -> set(endpoint, "month-as-number", method, path, tree, location,
                        JsonNodeFactory.instance.numberNode(draw(Arbitraries.integers().between(190_001, 210_012))), location));
            } else {
                out.add(v -> set(endpoint, "nul-character", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(withCharacter(text, '\u0000')), location));
                Arbitrary<Character> controls = Arbitraries.chars().range('\u0001', '\u001f')
                        .filter(c -> !multiLine || c != '\n' && c != '\t');
                out.add(v -> set(endpoint, "control-character", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(withCharacter(text, draw(Arbitraries.oneOf(controls,
                                Arbitraries.of('\u007f', '\u0085', '\u009b'))))), location));
                out.add(v -> set(endpoint, "unpaired-surrogate", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(withCharacter(text, draw(Arbitraries.of('\ud800', '\udbff', '\udc00')))),
                        location));
                out.add(v -> set(endpoint, "oversized-text", method, path, tree, location,
                        JsonNodeFactory.instance.textNode("x".repeat(draw(Arbitraries.integers().between(4001, 9000)))), location));
            }
            out.add(v -> set(endpoint, "text-as-object", method, path, tree, location,
                    draw(Arbitraries.of(JsonNodeFactory.instance.objectNode().put("a", 1), JsonNodeFactory.instance.arrayNode().add(1))),
                    location));
        } else if (node.isNumber()) {
            boolean whole = name.equals("year") || name.equals("daysPerWeek");
            out.add(v -> set(endpoint, "number-out-of-bounds", method, path, tree, location, draw(whole
                    ? Arbitraries.of(JsonNodeFactory.instance.numberNode(99_999), JsonNodeFactory.instance.numberNode(1.5),
                    JsonNodeFactory.instance.numberNode(3_000_000_000L), JsonNodeFactory.instance.numberNode(-1))
                    : Arbitraries.of(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1e400")),
                    JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("12345678901.5")),
                    JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1.123456")))), location));
            if (!location.startsWith("scores.")) {
                out.add(v -> set(endpoint, "number-as-text", method, path, tree, location,
                        JsonNodeFactory.instance.textNode(node.asText()), location));
            }
        } else if (node.isBoolean()) {
            out.add(v -> set(endpoint, "boolean-not-true-or-false", method, path, tree, location,
                    draw(Arbitraries.of(JsonNodeFactory.instance.textNode("yes"), JsonNodeFactory.instance.numberNode(1),
                            JsonNodeFactory.instance.textNode("true"))), location));
        } else if (node.isArray()) {
            out.add(v -> {
                ArrayNode copy = node.deepCopy();
                int at = random.nextInt(copy.size() + 1);
                copy.insertNull(at);
                return set(endpoint, "null-list-element", method, path, tree, location, copy, location + "[" + at + "]");
            });
            // A set of enum values keeps one of each, so repeating an element does not make it longer.
            if (!schema.path("uniqueItems").asBoolean(false)) {
                out.add(v -> {
                    ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                    for (int i = 0; i < 101 + random.nextInt(50); i++) {
                        copy.add(node.get(0).deepCopy());
                    }
                    return set(endpoint, "oversized-list", method, path, tree, location, copy, null);
                });
            }
        } else if (node.isObject()) {
            out.add(v -> {
                ObjectNode copy = node.deepCopy();
                String property = draw(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)) + "Unknown";
                copy.put(property, 1);
                return set(endpoint, "unknown-property", method, path, tree, location, copy, location + "." + property);
            });
        }
        if (node.isObject() || node.isArray()) {
            out.add(v -> set(endpoint, "wrong-json-type", method, path, tree, location,
                    JsonNodeFactory.instance.numberNode(draw(Arbitraries.integers())), location));
        }
        return out;
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private String withCharacter(String text, char c) {
        String base = text.isEmpty() ? draw(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)) : text;
        int at = random.nextInt(base.length() + 1);
        return base.substring(0, at) + c + base.substring(at);
    }

    private Malformed set(String endpoint, String kind, String method, String path, JsonNode tree, String location, JsonNode value,
                          String field) {
        JsonNode copy = tree.deepCopy();
        replaceAt(copy, location, value);
        return new Malformed(endpoint, kind + " at " + location, method, path, write(copy), commandHeaders(), false, field);
    }

    private static void replaceAt(JsonNode root, String location, JsonNode value) {
        List<String> steps = new ArrayList<>();
        Matcher m = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(location);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : "#" + m.group(2));
        }
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            String step = steps.get(i);
            parent = step.startsWith("#") ? parent.get(Integer.parseInt(step.substring(1))) : parent.get(step);
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("#")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private List<Function<Void, Malformed>> wholeBodyMutations(String endpoint, String method, String path, String body) {
        List<Function<Void, Malformed>> out = new ArrayList<>();
        out.add(v -> new Malformed(endpoint, "body-not-json", method, path,
                draw(Arbitraries.of("{", "not json", "{\"a\":}", "[]", "\"text\"", "42", body + "}", body + " trailing")),
                commandHeaders(), false, null));
        out.add(v -> new Malformed(endpoint, "body-oversized", method, path,
                body.replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(300 * 1024 + random.nextInt(200_000)) + "\", "),
                commandHeaders(), false, "body"));
        out.add(v -> new Malformed(endpoint, "body-deeply-nested", method, path,
                nested(40 + random.nextInt(100)), commandHeaders(), false, null));
        out.add(v -> {
            String first = body.substring(body.indexOf('"') + 1, body.indexOf('"', body.indexOf('"') + 1));
            return new Malformed(endpoint, "body-duplicate-property", method, path,
                    body.replaceFirst("\\{", "{\"" + first + "\": null, "), commandHeaders(), false, null);
        });
        out.add(v -> {
            Map<String, String> headers = new LinkedHashMap<>(commandHeaders());
            headers.put("Content-Type", draw(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
            return new Malformed(endpoint, "body-wrong-media-type", method, path, body, headers, false, "Content-Type");
        });
        return out;
    }

    private List<Function<Void, Malformed>> pathMutations(String endpoint, String method, String template, Map<String, String> ids,
                                                          String body) {
        List<Function<Void, Malformed>> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            String variable = m.group(1);
            out.add(v -> {
                String bad = draw(Arbitraries.of("%00", "%ff%fe", "x%00y", "%2f", "%c0%af", "a%0ab", "x" + "1".repeat(70),
                        "%2e%2e", "%20", "æøå"));
                return new Malformed(endpoint, "bad-path-segment " + variable, method, withVariable(template, ids, variable, bad), body,
                        commandHeaders(), false, null);
            });
            out.add(v -> new Malformed(endpoint, "raw-brace-in-path " + variable, method,
                    withVariable(template, ids, variable, draw(Arbitraries.of("{x", "a}b", "{}", "a|b", "a\"b"))), body,
                    Map.of(), true, "path"));
            out.add(v -> new Malformed(endpoint, "matrix-parameter " + variable, method,
                    withVariable(template, ids, variable, concrete(variable, ids) + draw(Arbitraries.of(";drop", ";x=1", "%3Bdrop"))),
                    body, commandHeaders(), false, null));
        }
        return out;
    }

    private List<Function<Void, Malformed>> headerMutations(String endpoint, String method, String path, String body) {
        List<Function<Void, Malformed>> out = new ArrayList<>();
        out.add(v -> {
            Map<String, String> headers = new LinkedHashMap<>(commandHeaders());
            String kind = draw(Arbitraries.of("missing", "garbage", "expired", "bad-signature", "wrong-issuer", "wrong-audience"));
            java.util.List<String> roles = TestTokens.ALL_ROUND;
            switch (kind) {
                case "missing" -> headers.remove("Authorization");
                case "garbage" -> headers.put("Authorization", "Bearer " + "a".repeat(1 + random.nextInt(200)));
                case "expired" -> headers.put("Authorization", "Bearer " + TestTokens.expired("cw-fuzz", "lejre", roles));
                case "bad-signature" -> headers.put("Authorization", "Bearer " + TestTokens.badSignature("cw-fuzz", "lejre", roles));
                case "wrong-issuer" -> headers.put("Authorization", "Bearer " + TestTokens.wrongIssuer("cw-fuzz", "lejre", roles));
                default -> headers.put("Authorization", "Bearer " + TestTokens.wrongAudience("cw-fuzz", "lejre", roles));
            }
            return new Malformed(endpoint, "bad-token " + kind, method, path, body, headers, false, "Authorization");
        });
        out.add(v -> {
            Map<String, String> headers = new LinkedHashMap<>(commandHeaders());
            headers.put("X-On-Behalf-Of", draw(Arbitraries.of("a b", "x".repeat(80), "a;b")));
            return new Malformed(endpoint, "bad-on-behalf-of-header", method, path, body, headers, false, "X-On-Behalf-Of");
        });
        out.add(v -> {
            Map<String, String> headers = new LinkedHashMap<>(commandHeaders());
            headers.put("X-Reason", "r".repeat(501 + random.nextInt(500)));
            return new Malformed(endpoint, "bad-reason-header", method, path, body, headers, false, "X-Reason");
        });
        out.add(v -> {
            Map<String, String> headers = new LinkedHashMap<>(commandHeaders());
            headers.put("Idempotency-Key", draw(Arbitraries.of("k".repeat(256 + random.nextInt(100)), "two words", "tab\there")));
            return new Malformed(endpoint, "bad-idempotency-key", method, path, body, headers, false, "Idempotency-Key");
        });
        return out;
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static final String BEARER = Api.bearer("cw-fuzz");

    private static Map<String, String> commandHeaders() {
        return Map.of("Content-Type", "application/json", "Authorization", BEARER);
    }

    private static String concretePath(String template, Map<String, String> ids) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(concrete(m.group(1), ids, template)));
        }
        return m.appendTail(b).toString();
    }

    private static String withVariable(String template, Map<String, String> ids, String variable, String value) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1).equals(variable) ? value : concrete(m.group(1), ids, template)));
        }
        return m.appendTail(b).toString();
    }

    private static String concrete(String variable, Map<String, String> ids) {
        return concrete(variable, ids, "");
    }

    private static String concrete(String variable, Map<String, String> ids, String template) {
        return switch (variable) {
            case "id" -> template.startsWith("/grants") ? ids.get("grant")
                    : template.startsWith("/assessments") ? ids.get("assessment")
                    : template.contains("{hearingId}") ? ids.get("secondApplication") : ids.get("application");
            case "complaintId" -> ids.get("complaint");
            case "decisionId" -> ids.get("decision");
            case "hearingId" -> template.startsWith("/grants") ? ids.get("grantHearing") : ids.get("applicationHearing");
            case "projection", "processingGroup" -> "cases";
            case "municipality" -> "lejre";
            case "month" -> "2026-01";
            default -> throw new IllegalArgumentException(variable);
        };
    }

    // --- The service's document and store ----------------------------------------------------------------------------

    /** Every POST and PUT of the document that names the X-Reason header: the command endpoints. */
    private static Map<String, JsonNode> commandOperations(JsonNode document) {
        Map<String, JsonNode> commands = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            boolean actor = false;
            for (JsonNode p : op.getValue().path("parameters")) {
                actor |= "header".equals(p.path("in").asText()) && "X-Reason".equals(p.path("name").asText());
            }
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (actor && (method.equals("POST") || method.equals("PUT"))) {
                commands.put(method + " " + path.getKey(), op.getValue());
            }
        }));
        return commands;
    }

    private static JsonNode requestSchema(JsonNode document, JsonNode operation) {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    private long headIndex() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * Events stored after {@code since} on the cases set up here, or on aggregates that did not exist
     * before (a refused POST /applications or /outreach would create one); events other tests' deadlines
     * add to their own cases meanwhile do not count. Also the idempotency keys and scheduled deadlines.
     */
    private Map<String, Integer> storedFor(Map<String, String> ids, long since) {
        String[] patterns = ids.values().stream().map(id -> id + "%").toArray(String[]::new);
        Map<String, Integer> stored = new TreeMap<>();
        stored.put("events", jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry e WHERE e.globalindex > ?
                  AND (e.aggregateidentifier LIKE ANY (?) OR NOT EXISTS (
                       SELECT 1 FROM domainevententry p WHERE p.aggregateidentifier = e.aggregateidentifier AND p.globalindex <= ?))""",
                Integer.class, since, patterns, since));
        stored.put("idempotency keys", jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE actor = 'cw-fuzz'", Integer.class));
        stored.put("dst reports", jdbc.queryForObject("SELECT count(*) FROM dst_report WHERE produced_by = 'cw-fuzz'", Integer.class));
        return stored;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
