package io.gitinsight.analysis.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.client.AuthRestClient;
import io.gitinsight.analysis.domain.Actor;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.JwksKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/**
 * Who is calling a write endpoint, verified here although the gateway verified it already (defence in
 * depth: a request that reaches this service some other way proves nothing by having arrived). An access
 * token is checked against auth-service's JWKS like the gateway does; an API key ({@code X-API-Key} or
 * {@code Bearer gik_…}) is checked by auth-service. No credentials → 401; too few permissions → 403.
 */
@ApplicationScoped
public class ActorResolver {

    private static final String BEARER = "Bearer ";
    private static final String API_KEY_PREFIX = "gik_";

    private final AccessTokenVerifier tokens;
    private final AuthRestClient auth;
    private final String internalToken;

    public ActorResolver(@RestClient AuthRestClient auth, @ConfigProperty(name = "gitinsight.auth.jwt-issuer") String issuer,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.auth = auth;
        this.internalToken = internalToken.orElse("");
        JwksKeys keys = new JwksKeys(this::fetchJwks, Duration.ofMinutes(5), Duration.ofSeconds(10), Clock.systemUTC());
        this.tokens = new AccessTokenVerifier(keys, issuer, Duration.ofSeconds(30));
    }

    public Uni<Actor> require(String authorization, String apiKey, Permission permission) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
        Uni<Grant> grant;
        if (apiKey != null && !apiKey.isBlank()) {
            grant = apiKey(apiKey.trim(), permission);
        } else if (bearer != null && bearer.startsWith(API_KEY_PREFIX)) {
            grant = apiKey(bearer, permission);
        } else if (bearer != null && !bearer.isEmpty()) {
            grant = Uni.createFrom().completionStage(() -> tokens.verify(bearer).toCompletionStage())
                    .onFailure(e -> !(e instanceof ApiException)).transform(ActorResolver::authDown)
                    .map(t -> new Grant(t.subject(), t.login(), t.role(), t.has(permission)));
        } else {
            return Uni.createFrom().failure(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, 401,
                    "this needs an access token or an API key", Map.of(), null));
        }
        return grant.map(g -> {
            if (!g.allowed()) {
                throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, 403, "this needs the permission " + permission.value(),
                        Map.of("permission", permission.value()), null);
            }
            return new Actor(uuid(g.subject()), g.login(), g.role() == Role.ADMIN);
        });
    }

    private record Grant(String subject, String login, Role role, boolean allowed) {
    }

    private Uni<Grant> apiKey(String key, Permission permission) {
        JsonNode body = Json.mapper().createObjectNode().put("key", key);
        return auth.verifyApiKey(internalToken, body).onFailure(jakarta.ws.rs.WebApplicationException.class)
                .recoverWithItem(e -> ((jakarta.ws.rs.WebApplicationException) e).getResponse())
                .onFailure().transform(ActorResolver::authDown).map(response -> {
                    if (response.getStatus() == 401) {
                        throw AccessTokenVerifier.refused("API key unknown, revoked or expired");
                    }
                    if (response.getStatus() != 200) {
                        throw authDown(new IllegalStateException("auth-service answered " + response.getStatus()));
                    }
                    JsonNode owner = Json.mapper().convertValue(response.readEntity(java.util.Map.class), JsonNode.class);
                    Role role = Role.fromValue(owner.path("role").asText()).orElse(Role.USER);
                    boolean allowed = false;
                    for (JsonNode scope : owner.path("scopes")) {
                        allowed |= scope.asText().equals(permission.value()) && role.has(permission);
                    }
                    return new Grant(owner.path("user_id").asText(), owner.path("login").asText(null), role, allowed);
                });
    }

    private Future<String> fetchJwks() {
        return Future.fromCompletionStage(auth.jwks().map(response -> {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("auth-service answered " + response.getStatus() + " for the JWKS");
            }
            return response.readEntity(String.class);
        }).subscribeAsCompletionStage());
    }

    private static UUID uuid(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AccessTokenVerifier.refused("subject is not a user id");
        }
    }

    private static ApiException authDown(Throwable e) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 503, "the credentials cannot be checked now: auth-service "
                + "is unavailable", Map.of("upstream", "auth-service"), e);
    }
}
