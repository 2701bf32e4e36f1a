package io.gitinsight.gateway.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import io.gitinsight.model.security.Role;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * auth-service as the gateway sees it: the JWKS (public halves of the published test keys, fetches
 * counted) and {@code POST /internal/api-keys/verify} (with the internal token) for the keys a test
 * registered; everything else is echoed like any backend.
 */
public class FakeAuth extends EchoBackend {

    public static final String INTERNAL_TOKEN = "test-internal-token";

    private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>(TestTokens.initiallyPublished());
    private final Map<String, JsonObject> keys = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger keyChecks = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();

    FakeAuth(Vertx vertx) {
        super(vertx, "auth");
    }

    /** Registers a valid API key with these scopes and hourly limit; returns the key. */
    public String issueKey(Role role, int rateLimitPerHour, String... scopes) {
        String key = "gik_" + UUID.randomUUID().toString().replace("-", "");
        keys.put(key, new JsonObject().put("key_id", UUID.randomUUID().toString())
                .put("user_id", UUID.randomUUID().toString()).put("login", role.value() + "-bot")
                .put("role", role.value()).put("scopes", new JsonArray(List.of((Object[]) scopes)))
                .put("rate_limit_per_hour", rateLimitPerHour).put("expires_at", Instant.now().plusSeconds(86400).toString()));
        return key;
    }

    public void revoke(String key) {
        keys.remove(key);
    }

    public void publish(RsaJsonWebKey key) {
        published.add(key);
    }

    public void resetKeys() {
        published.clear();
        published.addAll(TestTokens.initiallyPublished());
    }

    /** While failing, the JWKS and the key check answer 500, as an auth-service in trouble would. */
    public void failing(boolean isFailing) {
        failing.set(isFailing);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int keyChecks() {
        return keyChecks.get();
    }

    @Override
    void request(HttpServerRequest request) {
        boolean authPath = request.path().equals("/.well-known/jwks.json")
                || request.path().equals("/internal/api-keys/verify");
        if (authPath && failing.get()) {
            error(request, 500, "INTERNAL_SERVER_ERROR");
            return;
        }
        if (request.path().equals("/.well-known/jwks.json")) {
            jwksFetches.incrementAndGet();
            JsonWebKeySet set = new JsonWebKeySet(published.toArray(new JsonWebKey[0]));
            request.response().putHeader("Content-Type", "application/json")
                    .end(set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            return;
        }
        if (request.path().equals("/internal/api-keys/verify")) {
            request.body().onSuccess(body -> verify(request, body.toJsonObject()));
            return;
        }
        super.request(request);
    }

    private void verify(HttpServerRequest request, JsonObject body) {
        keyChecks.incrementAndGet();
        if (!INTERNAL_TOKEN.equals(request.getHeader("X-Internal-Token"))) {
            error(request, 403, "AUTHORIZATION_DENIED");
            return;
        }
        JsonObject owner = keys.get(body.getString("key"));
        if (owner == null) {
            error(request, 401, "AUTHENTICATION_REQUIRED");
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(owner.encode());
    }

    private static void error(HttpServerRequest request, int status, String code) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", "refused")
                        .put("details", new JsonObject()).put("trace_id", "t")).encode());
    }
}
