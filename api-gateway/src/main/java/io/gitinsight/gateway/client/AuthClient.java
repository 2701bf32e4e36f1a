package io.gitinsight.gateway.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.gateway.config.GatewayConfig;
import io.gitinsight.model.json.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** auth-service as the gateway uses it: its public keys and the internal API-key check. */
@ApplicationScoped
public class AuthClient {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String VERIFY_PATH = "/internal/api-keys/verify";
    static final String INTERNAL_HEADER = "X-Internal-Token";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(AuthClient.class);

    /** What auth-service says about a valid API key. */
    public record KeyOwner(String keyId, String userId, String login, String role, List<String> scopes,
            int rateLimitPerHour, Instant expiresAt) {
    }

    private final HttpClients clients;
    private final Optional<String> internalToken;

    public AuthClient(HttpClients clients, GatewayConfig config) {
        this.clients = clients;
        this.internalToken = config.internalToken().filter(t -> !t.isBlank());
        if (internalToken.isEmpty()) {
            LOG.warn("INTERNAL_SERVICE_TOKEN is not set: API keys cannot be verified and are answered 503");
        }
    }

    /** The JWKS document, or a failure when auth-service cannot be reached or does not answer 200. */
    public Future<String> jwks() {
        return JsonCall.get(clients.calls(), auth().request(HttpMethod.GET, JWKS_PATH), TIMEOUT).compose(call -> call.ok()
                ? Future.succeededFuture(call.body().toString())
                : Future.failedFuture(new UpstreamException("auth-service answered " + call.status() + " for the JWKS")));
    }

    /** The key's owner; empty when auth-service says the key is unknown, revoked or expired (401). */
    public Future<Optional<KeyOwner>> verify(String key) {
        if (internalToken.isEmpty()) {
            // without the token auth-service answers 401, which must not pass for "unknown key"
            return Future.failedFuture(new UpstreamException("INTERNAL_SERVICE_TOKEN is not set"));
        }
        var options = auth().request(HttpMethod.POST, VERIFY_PATH).putHeader("Content-Type", "application/json")
                .putHeader(INTERNAL_HEADER, internalToken.get());
        Buffer body = Buffer.buffer(Json.mapper().createObjectNode().put("key", key).toString());
        return JsonCall.send(clients.calls(), options, TIMEOUT, body).compose(call -> {
            if (call.status() == 200) {
                return Future.succeededFuture(Optional.of(parse(call.body())));
            }
            if (call.status() == 401) {
                return Future.succeededFuture(Optional.empty());
            }
            LOG.errorf("auth-service answered %d to an API-key check; is INTERNAL_SERVICE_TOKEN the same on both?",
                    call.status());
            return Future.failedFuture(new UpstreamException("auth-service answered " + call.status()
                    + " to an API-key check"));
        });
    }

    private Backend auth() {
        return clients.backend("auth");
    }

    private static KeyOwner parse(Buffer body) {
        try {
            return Json.mapper().readValue(body.getBytes(), KeyOwner.class);
        } catch (IOException e) {
            throw new UpstreamException("auth-service answered an API-key check with unreadable JSON");
        }
    }

    /** A backend the gateway needed did not answer usefully. */
    public static class UpstreamException extends RuntimeException {
        public UpstreamException(String message) {
            super(message, null, false, false);
        }
    }
}
