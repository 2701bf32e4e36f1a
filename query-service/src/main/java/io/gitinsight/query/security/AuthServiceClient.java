package io.gitinsight.query.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.support.security.InternalCallers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** auth-service as query-service uses it: its public keys, and the internal check of an API key. */
@ApplicationScoped
public class AuthServiceClient {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String VERIFY_PATH = "/internal/api-keys/verify";

    /** What auth-service says about a valid API key. */
    public record KeyOwner(String keyId, String userId, String login, String role, List<String> scopes) {
    }

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;
    private final Optional<String> internalToken;

    public AuthServiceClient(Vertx vertx, QueryConfig config,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.base = URI.create(config.auth().serviceUrl());
        this.timeout = config.auth().timeout();
        this.internalToken = internalToken.filter(t -> !t.isBlank());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setSsl("https".equals(base.getScheme())));
    }

    public Future<String> jwks() {
        return call(HttpMethod.GET, JWKS_PATH, null).compose(reply -> reply.status() == 200
                ? Future.succeededFuture(reply.body().toString())
                : Future.failedFuture(new IllegalStateException("auth-service answered " + reply.status() + " for the JWKS")));
    }

    /** The key's owner; empty when auth-service says the key is unknown, revoked or expired. */
    public Future<Optional<KeyOwner>> verify(String key) {
        if (internalToken.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("INTERNAL_SERVICE_TOKEN is not set"));
        }
        Buffer body = Buffer.buffer(Json.mapper().createObjectNode().put("key", key).toString());
        return call(HttpMethod.POST, VERIFY_PATH, body).compose(reply -> {
            if (reply.status() == 200) {
                return Future.succeededFuture(Optional.of(owner(reply.body())));
            }
            if (reply.status() == 401) {
                return Future.succeededFuture(Optional.empty());
            }
            return Future.failedFuture(new IllegalStateException("auth-service answered " + reply.status()
                    + " to an API-key check"));
        });
    }

    private record Reply(int status, Buffer body) {
    }

    private Future<Reply> call(HttpMethod method, String path, Buffer body) {
        int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
        RequestOptions options = new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(port)
                .setURI(prefix + path).setTimeout(timeout.toMillis()).putHeader("Accept", "application/json");
        if (body != null) {
            options.putHeader("Content-Type", "application/json").putHeader(InternalCallers.HEADER, internalToken.get());
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(bytes -> new Reply(response.statusCode(), bytes)));
    }

    private static KeyOwner owner(Buffer body) {
        try {
            return Json.mapper().readValue(body.getBytes(), KeyOwner.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("auth-service answered an API-key check with unreadable JSON", e);
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
