package dk.grantlifecycle.api.web;

import dk.grantlifecycle.api.replay.ProjectionReplay;
import dk.grantlifecycle.api.web.command.CommandTransactionFilter;
import dk.grantlifecycle.api.web.input.InputRules;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document says what the service reads and answers: the actor and audit headers
 * (the actor comes from the bearer token; {@code X-On-Behalf-Of}, {@code X-Reason}; resolved
 * from headers, not parameters), {@code Idempotency-Key} on every command, the headers a command's answer carries,
 * and every problem response (400, 404, 409, 413, 422, 503) as application/problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static final String PROBLEM = "Problem";
    static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Query parameters whose format the type alone does not tell. */
    private static final Map<String, String[]> PARAMETER_FORMATS = Map.of(
            "at", new String[]{"an ISO instant (2026-03-02T12:00:00Z) or a date (2026-03-02), read in Copenhagen", "2026-03-02"});

    static {
        // Actor is resolved from headers (documented below), not bound from query parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class)
                .replaceWithSchema(java.time.YearMonth.class, new StringSchema().pattern("\\d{4}-\\d{2}").example("2026-03")
                        .description("a month as yyyy-mm"));
    }

    @Bean
    public OpenAPI grantLifecycleOpenApi(@Value("${grants.idempotency.retention:P7D}") Duration retention,
                                         @Value("${grants.read-your-writes.timeout:PT2S}") Duration readYourWrites) {
        return new OpenAPI()
                .info(new Info().title("Grant lifecycle backend").version("0.1.0").description("""
                        Every call carries a bearer token (OAuth2 JWT) naming the actor, municipality and roles; \
                        commands store the actor and the optional `X-On-Behalf-Of` and `X-Reason` with every event; reads \
                        of a case are recorded in the access log with the optional `X-Purpose`. Refusals are RFC 9457 problem+json naming the `field` (and the `rule` where a rule of \
                        RULES.md refuses).

                        **Retry contract.** A 2xx means the command is stored; `X-Event-Position` names the global index \
                        of its last event and `X-Read-Models` says whether the read models had it within %d ms \
                        (`current`) or follow moments later (`behind`). A command sent with `X-Await-Read-Models: false` \
                        answers right after its commit, without `X-Read-Models`; a `GET` that carries its position as \
                        `X-Min-Event-Position` then answers once the read models hold it (`X-Read-Models` says which). \
                        A 4xx means nothing was stored. 409 with \
                        `retryable: true` is a concurrent change: read again and retry. 503 with `Retry-After` means the \
                        database was out of reach and nothing was stored, except type `outcome-unknown`: the connection \
                        was lost while committing, so repeat with the same `Idempotency-Key` to learn the outcome. A repeat \
                        with the same key, actor and request returns the first outcome (`Idempotent-Replayed: true`) and \
                        stores nothing; keys are kept %s (ISO-8601) after first use.""".formatted(readYourWrites.toMillis(),
                        retention)))
                .components(new Components().addSchemas(PROBLEM, problemSchema()).addSecuritySchemes(BEARER,
                        new io.swagger.v3.oas.models.security.SecurityScheme().type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("a JWT from the configured issuer (local mode:"
                                        + " POST /dev/token); its claims name the actor, municipality and roles")))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList(BEARER));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("https://grantlifecycle.dk/problems/<kind>"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().format("uri"));
        properties.put("field", new StringSchema().description("the request field, header, parameter or path variable at fault"));
        properties.put("rule", new StringSchema().description("the rule of RULES.md that refuses the request"));
        properties.put("retryable", new BooleanSchema().description("true when repeating the request may succeed"));
        properties.put("allowed", new ArraySchema().items(new StringSchema()).description("the values allowed, for an unknown value"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }

    /** Parameters that name a projection: the document lists the projections there are. */
    private static final List<String> PROJECTION_PARAMETERS = List.of("projection", "processingGroup");

    @Bean
    public OperationCustomizer headersAndProblems() {
        return (operation, handler) -> {
            boolean actor = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Actor.class);
            boolean command = actor && (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class));
            describeParameters(operation);
            if (actor) {
                addHeaders(operation, command);
            }
            documentProblems(operation, command, hasPathVariables(handler));
            if (caseRead(handler)) {
                List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
                parameters.add(new HeaderParameter().name(dk.grantlifecycle.api.security.Tenancy.PURPOSE).required(false)
                        .description("ACCESS-LOG: why the case is read, recorded in the access log (default: the role's purpose);"
                                + " one line, at most 200 characters")
                        .schema(new StringSchema().maxLength(200).example("klagesagsbehandling")));
                operation.setParameters(parameters);
            }
            if (command) {
                documentCommandAnswer(operation);
            }
            return operation;
        };
    }

    /** Accept is content negotiation, told by the response media types; some parameters need their format spelled out. */
    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && "Accept".equalsIgnoreCase(p.getName()));
        for (Parameter p : operation.getParameters()) {
            if (PROJECTION_PARAMETERS.contains(p.getName())) {
                p.setSchema(new StringSchema()._enum(ProjectionReplay.PROJECTIONS));
            }
            String[] format = PARAMETER_FORMATS.get(p.getName());
            if (format != null && "query".equals(p.getIn())) {
                p.setDescription(format[0]);
                p.setExample(format[1]);
            }
        }
    }

    /** A read of one case: recorded in the access log. */
    private static boolean caseRead(HandlerMethod handler) {
        return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class)
                && dk.grantlifecycle.api.security.Tenancy.isLoggedCaseRead(handler) && hasPathVariables(handler);
    }

    private static boolean hasPathVariables(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class));
    }

    private static void addHeaders(Operation operation, boolean command) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
        parameters.add(new HeaderParameter().name("X-On-Behalf-Of").required(false)
                .description("whom the actor acts for, stored with every event")
                .schema(new StringSchema().pattern(ActorResolver.ID).example("leader-bo")));
        parameters.add(new HeaderParameter().name("X-Reason").required(false)
                .description("why, stored with every event (at most 500 characters, one line)")
                .schema(new StringSchema().maxLength(500).example("henvendelse fra distriktspsykiatrien")));
        if (command) {
            parameters.add(new HeaderParameter().name(CommandTransactionFilter.IDEMPOTENCY_KEY).required(false)
                    .description("makes repeats safe: the same actor, key and request get the first outcome again and store nothing;"
                            + " the same key with another request is refused (422); a repeat while the first runs gets 409"
                            + " (retry); kept for the retention period (grants.idempotency.retention)")
                    .schema(new StringSchema().pattern("[\\x21-\\x7E]{1,255}").example("3f0c2a1e-7d4b-4e57-9a36-0c1f5c2d9b10")));
        }
        operation.setParameters(parameters);
    }

    private static void documentProblems(Operation operation, boolean command, boolean pathVariables) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.putIfAbsent("400", problem("malformed input: a field, header, parameter or path variable is invalid"));
        responses.putIfAbsent("401", problem("no valid bearer token (missing, expired, wrong signature, issuer or audience)"));
        responses.putIfAbsent("403", problem("the token's roles do not allow this endpoint"));
        if (pathVariables) {
            responses.putIfAbsent("404", problem("nothing is recorded under the id, or it is another municipality's"));
            responses.putIfAbsent("422", problem("a rule of RULES.md refuses the request (for example DST-REPORT: a month"
                    + " not yet over or before the municipality's first fact)"));
        }
        responses.putIfAbsent("503", problem("the database is out of reach (nothing was stored), or, with type outcome-unknown,"
                + " the outcome of a command is unknown; see Retry-After").addHeaderObject("Retry-After",
                new Header().description("seconds to wait before retrying").schema(new IntegerSchema())));
        if (command) {
            responses.putIfAbsent("409", problem("the case is not in a state that allows this, a concurrent change"
                    + " (retryable), or a request with the same Idempotency-Key is running (retryable)"));
            responses.putIfAbsent("413", problem("the request body exceeds the limit (grants.http.max-body-size)"));
            responses.putIfAbsent("415", problem("the body is not application/json"));
            responses.putIfAbsent("422", problem("a rule of RULES.md refuses the command, or the Idempotency-Key was used for"
                    + " another request"));
        }
        operation.setResponses(responses);
        // Spring MVC's default 500 entry says nothing a client can use.
        responses.remove("500");
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static void documentCommandAnswer(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(CommandTransactionFilter.EVENT_POSITION, new Header()
                        .description("global index of the last event the command stored").schema(new IntegerSchema().format("int64")));
                response.addHeaderObject(CommandTransactionFilter.READ_MODELS, new Header()
                        .description("current: the read models hold the change; behind: they follow moments later")
                        .schema(new StringSchema()._enum(List.of("current", "behind"))));
                response.addHeaderObject(CommandTransactionFilter.REPLAYED, new Header()
                        .description("true when this is the stored first outcome of a repeated Idempotency-Key")
                        .schema(new BooleanSchema()));
            }
        });
        String limits = "Texts: one line of at most " + InputRules.SINGLE_LINE_MAX + " characters, multi-line texts (reasons,"
                + " descriptions, notes, answers) at most " + InputRules.MULTI_LINE_MAX + " with newline and tab; dates as ISO strings "
                + InputRules.FIRST_DATE + ".." + InputRules.LAST_DATE + "; no null list elements.";
        operation.setDescription(operation.getDescription() == null ? limits : operation.getDescription() + "\n\n" + limits);
    }
}
