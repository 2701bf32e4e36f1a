package io.gitinsight.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Permission;

class RouteTableTest {

    private static final Set<String> BACKENDS = Set.of("auth", "analysis", "query", "ingestion");
    private final RouteTable table = new RouteTable("/api/v1", productionRoutes(), BACKENDS, Duration.ofSeconds(10));

    @Test
    void readsEveryRouteOfTheProductionTable() {
        assertThat(table.routes()).hasSizeGreaterThan(30);
        assertThat(table.pathsOutsidePrefix()).containsExactly("/.well-known/jwks.json");
    }

    @Test
    void picksTheMostSpecificRouteThatTakesTheMethod() {
        assertThat(found("GET", "/api/v1/repositories/r1/insights/export").route().permission())
                .contains(Permission.INSIGHTS_EXPORT);
        assertThat(found("GET", "/api/v1/repositories/r1/insights").route().backend()).isEqualTo("query");
        assertThat(found("POST", "/api/v1/webhooks/github").route().webhook()).isTrue();
        assertThat(found("GET", "/api/v1/webhooks/github").route().name()).isEqualTo("webhook-analytics");
        assertThat(found("DELETE", "/api/v1/repositories/r1").route().backend()).isEqualTo("analysis");
    }

    @Test
    void givesTheBackendThePathWithoutThePrefixOrTheOneTheRouteNames() {
        assertThat(found("GET", "/api/v1/fast/search").backendPath()).isEqualTo("/fast/search");
        assertThat(found("GET", "/.well-known/jwks.json").backendPath()).isEqualTo("/.well-known/jwks.json");
        assertThat(found("GET", "/api/v1/.well-known/jwks.json").backendPath()).isEqualTo("/.well-known/jwks.json");
        assertThat(found("GET", "/api/v1/openapi/query").backendPath()).isEqualTo("/q/openapi?format=json");
    }

    @Test
    void takesPerRouteTimeouts() {
        assertThat(found("GET", "/api/v1/repositories/r1/insights/export").route().timeout())
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(found("GET", "/api/v1/repositories").route().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void tellsAWrongMethodFromAnUnknownPath() {
        assertThat(table.match("DELETE", "/api/v1/metrics/overview"))
                .isEqualTo(new RouteTable.MethodNotAllowed(java.util.List.of("GET", "HEAD")));
        assertThat(table.match("GET", "/api/v1/unknown")).isInstanceOf(RouteTable.NotFound.class);
        assertThat(table.match("GET", "/elsewhere")).isInstanceOf(RouteTable.NotFound.class);
    }

    @Test
    void neverMatchesInternalPathsOrEncodedSlashes() {
        assertThat(table.match("POST", "/api/v1/internal/api-keys/verify")).isInstanceOf(RouteTable.NotFound.class);
        assertThat(table.match("GET", "/api/v1/Internal/x")).isInstanceOf(RouteTable.NotFound.class);
        assertThat(table.match("GET", "/api/v1/auth%2F..%2Finternal/x")).isInstanceOf(RouteTable.NotFound.class);
    }

    @Test
    void failsFastOnALineItCannotRead() {
        assertThatThrownBy(() -> table("GET /x nowhere none")).hasMessageContaining("unknown backend");
        assertThatThrownBy(() -> table("GET /x query repository:delete")).hasMessageContaining("unknown permission");
        assertThatThrownBy(() -> table("GET /x query none timeout=soon")).hasMessageContaining("timeout");
        assertThatThrownBy(() -> table("GET /x/**/y query none")).hasMessageContaining("**");
        assertThatThrownBy(() -> new RouteTable("/api/v1", Map.of("a", "GET /x/{id} query none", "b",
                "GET|POST /x/{other} auth none"), BACKENDS, Duration.ofSeconds(1))).hasMessageContaining("both take");
    }

    private RouteTable.Found found(String method, String path) {
        RouteTable.Match match = table.match(method, path);
        assertThat(match).as(method + " " + path).isInstanceOf(RouteTable.Found.class);
        return (RouteTable.Found) match;
    }

    private static RouteTable table(String line) {
        return new RouteTable("/api/v1", Map.of("r", line), BACKENDS, Duration.ofSeconds(1));
    }

    private static Map<String, String> productionRoutes() {
        Properties properties = new Properties();
        try (InputStream in = RouteTableTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> routes = new HashMap<>();
        String prefix = "gitinsight.gateway.routes.";
        properties.stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
                .forEach(name -> routes.put(name.substring(prefix.length()), properties.getProperty(name)));
        return routes;
    }
}
