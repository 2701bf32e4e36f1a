package io.gitinsight.query.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import org.flywaydb.core.Flyway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What query-service reads and asks, made real for its tests: the analysis and ingestion schemas,
 * migrated from those services' own migrations exactly as their quarkus-flyway does (schema and history
 * table per service, so the services' own tests and these can migrate the shared test database in any
 * order), and auth-service's JWKS and API-key check, served by WireMock.
 */
public class QueryTestResources implements QuarkusTestResourceLifecycleManager {

    private WireMockServer auth;

    @Override
    public Map<String, String> start() {
        migrate("analysis");
        migrate("ingestion");
        auth = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        auth.start();
        auth.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify")).willReturn(aResponse().withStatus(401)));
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withRequestBody(containing(TestTokens.PREMIUM_API_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"key_id": "5d1c0a52-6f7e-4b8a-9c3d-2e1f0a9b8c7d", "user_id": "0b7e9f1a-2c3d-4e5f-8a9b-1c2d3e4f5a6b",
                         "login": "premium-bot", "role": "premium", "scopes": ["repository:read", "insights:export"],
                         "rate_limit_per_hour": 5000}""")));
        return Map.of("gitinsight.query.auth.service-url", "http://localhost:" + auth.port());
    }

    @Override
    public void stop() {
        if (auth != null) {
            auth.stop();
        }
    }

    private static void migrate(String schema) {
        Flyway.configure().dataSource(Db.URL, Db.USER, Db.PASSWORD).schemas(schema)
                .locations("classpath:db/" + schema).load().migrate();
    }
}
