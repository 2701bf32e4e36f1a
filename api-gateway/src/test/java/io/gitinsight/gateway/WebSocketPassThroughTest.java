package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.EchoBackend;
import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.gateway.fakes.TestTokens;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * WebSocket upgrades on /api/v1/stream/** reach the (fake) query-service, and frames flow both ways; an
 * upgrade that fails is answered in the contract's error format like any other request.
 */
@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class WebSocketPassThroughTest {

    @Inject
    RedisCounters counters;

    private WebSocketClient client;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closedWith = new CompletableFuture<>();

    @BeforeEach
    void connectWithFullBudgets() {
        counters.forget();
        // the client's own default is 50 WebSockets to one host
        client = FakeBackends.vertx().createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void tunnelsAStreamToQueryServiceOnItsOwnPathBothWays() throws Exception {
        WebSocket socket = connect(new WebSocketConnectOptions().setURI("/api/v1/stream/repository/r1/updates?since=1")
                .addHeader("X-Request-Id", "ws-1").addHeader("X-User-Id", "someone-else"));

        JsonObject greeting = new JsonObject(next());
        assertThat(greeting.getString("backend")).isEqualTo("query");
        assertThat(greeting.getString("uri")).isEqualTo("/stream/repository/r1/updates?since=1");
        assertThat(greeting.getString("x_request_id")).isEqualTo("ws-1");
        assertThat(greeting.getString("x_user_id")).isNull();

        socket.writeTextMessage("ping-1");
        socket.writeTextMessage("ping-2");
        assertThat(next()).isEqualTo("echo:ping-1");
        assertThat(next()).isEqualTo("echo:ping-2");
    }

    @Test
    void passesTheBackendsCloseCodeToTheSubscriber() throws Exception {
        WebSocket socket = connect(new WebSocketConnectOptions().setURI("/api/v1/stream/global/activity"));
        next();

        socket.writeTextMessage("close-4403");

        assertThat(closedWith.get(5, TimeUnit.SECONDS)).isEqualTo((short) 4403);
    }

    @Test
    void leavesTheTokenOfAFeedToQueryServiceToJudge() throws Exception {
        String token = TestTokens.expired(Role.USER);
        connect(new WebSocketConnectOptions().setURI("/api/v1/stream/user/u1/feed?access_token=" + token));

        JsonObject greeting = new JsonObject(next());
        assertThat(greeting.getString("uri")).isEqualTo("/stream/user/u1/feed?access_token=" + token);
    }

    @Test
    void answersAnUpgradeToABackendThatIsDownWith503InTheErrorFormat() {
        Response response = upgrade("/api/v1/_test/down/stream", "ws-down-1");

        assertError(response, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(response.jsonPath().getString("error.trace_id")).isEqualTo("ws-down-1");
        assertThat(response.jsonPath().getString("error.details.service")).isEqualTo("down");
        assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("unreachable");
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
    }

    @Test
    void answersAHandshakeSlowerThanTheRouteTimeoutWith504() {
        long start = System.nanoTime();
        Response response = upgrade("/api/v1/_test/slow", "ws-slow-1");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertError(response, 504, "UPSTREAM_UNAVAILABLE");
        assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("timeout");
        assertThat(millis).isGreaterThanOrEqualTo(FakeBackends.SLOW_ROUTE_TIMEOUT_MILLIS)
                .isLessThan(EchoBackend.SLOW_MILLIS);
    }

    @Test
    void putsABackendsBareRefusalIntoTheErrorFormat() {
        Response response = upgrade("/api/v1/stream/refuse/updates", "ws-refused-1");

        assertError(response, 404, "NOT_FOUND");
        assertThat(response.jsonPath().getString("error.details.service")).isEqualTo("query");
        assertThat(response.jsonPath().getInt("error.details.status")).isEqualTo(404);
    }

    @Test
    void passesABackendsErrorBodyThrough() {
        Response response = upgrade("/api/v1/stream/refuse-json/feed", "ws-refused-2");

        assertError(response, 403, "AUTHORIZATION_DENIED");
        assertThat(response.jsonPath().getString("error.message")).isEqualTo("not your feed");
        assertThat(response.jsonPath().getString("error.trace_id")).isEqualTo("ws-refused-2");
    }

    @Test
    void keepsTunnellingAfterAFailedUpgrade() throws Exception {
        assertError(upgrade("/api/v1/_test/down/stream", "ws-down-2"), 503, "UPSTREAM_UNAVAILABLE");

        WebSocket socket = connect(new WebSocketConnectOptions().setURI("/api/v1/stream/global/activity"));
        next();
        socket.writeTextMessage("after");
        assertThat(next()).isEqualTo("echo:after");
    }

    @Test
    void holdsMoreStreamsThanTheProxyPoolWhileRequestsStillPassAndRefusesThoseAboveItsMaximum() throws Exception {
        // a premium subscriber: 240 upgrades would exhaust a guest's 100 requests an hour
        String premium = "Bearer " + TestTokens.token(Role.PREMIUM);
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < FakeBackends.MAX_WEBSOCKETS; i++) {
            try {
                sockets.add(connect(new WebSocketConnectOptions().setURI("/api/v1/stream/repository/r" + i + "/updates")
                        .addHeader("Authorization", premium)));
            } catch (Exception e) {
                throw new AssertionError("DEBUGIDX " + i, e);
            }
        }
        for (int i = 0; i < FakeBackends.MAX_WEBSOCKETS; i++) {
            next();
        }
        // the streams hold connections of their own: proxied requests to the same backend still pass
        Callers.guest().get("/api/v1/fast/trending").then().statusCode(200);
        assertThat(given().get("/metrics").asString())
                .contains("gitinsight_gateway_websockets_open " + FakeBackends.MAX_WEBSOCKETS + ".0");

        Response refused = upgrade("/api/v1/stream/global/activity", "ws-full-1");
        assertError(refused, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("websocket_limit");
        assertThat(refused.header("Retry-After")).isEqualTo("5");

        // a stream that ends gives its place back
        sockets.get(0).close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        String released = "gitinsight_gateway_websockets_open " + (FakeBackends.MAX_WEBSOCKETS - 1) + ".0";
        for (int i = 0; i < 50 && !given().get("/metrics").asString().contains(released); i++) {
            Thread.sleep(100);
        }
        assertThat(given().get("/metrics").asString()).contains(released);
        WebSocket again = connect(new WebSocketConnectOptions().setURI("/api/v1/stream/global/activity")
                .addHeader("Authorization", premium));
        next();
        again.writeTextMessage("still");
        assertThat(next()).isEqualTo("echo:still");
    }

    /** A WebSocket handshake sent as a plain request, so that a refusal's status and body can be read. */
    private static Response upgrade(String path, String requestId) {
        return Callers.guest().header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
                .header("X-Request-Id", requestId).get(path);
    }

    private WebSocket connect(WebSocketConnectOptions options) throws Exception {
        options.setHost("localhost").setPort(RestAssured.port);
        return client.connect(options).onSuccess(socket -> {
            socket.textMessageHandler(received::add);
            socket.closeHandler(v -> closedWith.complete(socket.closeStatusCode()));
        }).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private String next() throws InterruptedException {
        String message = received.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message within 5 s").isNotNull();
        return message;
    }
}
