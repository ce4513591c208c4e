package dk.grantlifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the query-side tests share. Each test class runs on a service of its own, with its own
 * simulated clock and PostgreSQL, so none depends on what another one did or in which order.
 */
abstract class QuerySideBase {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api(String actor) {
        return new Api(port, actor);
    }

    String receive(Api api, String municipality, String team, boolean acute) {
        Api.Response r = api.post("/applications", """
                {"citizen": {"cpr": "010190-1234", "name": "Test Borger"}, "municipality": "%s", "paragraph": "SEL85",
                 "services": [{"code": "MADLAVNING", "themes": ["PRACTICAL_TASKS"]}], "team": "%s", "acute": %s}"""
                .formatted(municipality, team, acute));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    JsonNode queue(String query) {
        Api.Response r = api("supervisor").get("/deadlines?" + query);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    static JsonNode only(JsonNode page) {
        assertThat(page.path("items")).as(page.toString()).hasSize(1);
        return page.path("items").get(0);
    }
}
