package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs requests.http, the README's walk-through, against the service: every request succeeds
 * (the one marked as refused gets its 4xx), so the walk-through cannot drift from the API. The
 * requests run back to back, as a client would send them: reads see the preceding writes. The
 * service runs in the local mode, as the README's run command starts it: the file gets its tokens
 * from POST /dev/token.
 */
@org.springframework.test.context.TestPropertySource(properties = "grants.test.issuer=off")
class RequestsHttpIT extends ApiIT {

    private static final Pattern SET = Pattern.compile("client\\.global\\.set\\(\"(\\w+)\", response\\.body([^)]*)\\)");
    private static final Pattern VAR = Pattern.compile("\\{\\{(\\w+)}}");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    record Block(String comment, String method, String url, Map<String, String> headers, String body, String handler) {
    }

    @Test
    void theWalkThroughRuns() throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("base", "http://localhost:" + port);
        for (Block b : parse(Files.readString(Path.of("..", "requests.http")))) {
            String url = substitute(b.url(), vars);
            if (b.comment().contains("The first follow-up")) {
                awaitFollowUpFired(vars.get("applicationId"));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            b.headers().forEach((k, v) -> request.header(k, substitute(v, vars)));
            String body = substitute(b.body(), vars);
            request.method(b.method(), body.isBlank() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean refusal = b.comment().contains("refused");
            assertThat(response.statusCode() / 100).as(b.method() + " " + url + " -> " + response.body()).isEqualTo(refusal ? 4 : 2);
            if (b.handler() != null) {
                JsonNode node = json.readTree(response.body());
                Matcher m = SET.matcher(b.handler());
                assertThat(m.find()).isTrue();
                vars.put(m.group(1), at(node, m.group(2)).asText());
            }
        }
    }

    private void awaitFollowUpFired(String applicationId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "FIRED".equals(jdbc.queryForList(
                "SELECT state FROM deadline_view WHERE case_id = ? AND kind = 'FOLLOW_UP'", String.class, applicationId)
                .stream().findFirst().orElse("")));
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        Matcher m = Pattern.compile("\\.(\\w+)|\\[(\\d+)]").matcher(path);
        while (m.find()) {
            n = m.group(1) != null ? n.path(m.group(1)) : n.path(Integer.parseInt(m.group(2)));
        }
        return n;
    }

    private static String substitute(String s, Map<String, String> vars) {
        Matcher m = VAR.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(b).toString();
    }

    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String chunk : text.split("(?m)^###")) {
            String[] lines = chunk.split("\n", -1);
            String comment = lines[0].trim();
            int i = 1;
            while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#") || lines[i].startsWith("@"))) {
                i++;
            }
            if (i >= lines.length || !lines[i].matches("(GET|POST|PUT|DELETE) .*")) {
                continue;
            }
            String[] requestLine = lines[i++].split(" ", 2);
            Map<String, String> headers = new HashMap<>();
            while (i < lines.length && !lines[i].isBlank()) {
                String[] h = lines[i++].split(":", 2);
                headers.put(h[0].trim(), h[1].trim());
            }
            StringBuilder body = new StringBuilder();
            String handler = null;
            for (; i < lines.length; i++) {
                if (lines[i].startsWith("> {%")) {
                    handler = lines[i];
                    break;
                }
                body.append(lines[i]).append('\n');
            }
            blocks.add(new Block(comment, requestLine[0], requestLine[1].trim(), headers, body.toString().trim(), handler));
        }
        return blocks;
    }
}
