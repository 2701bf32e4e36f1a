package io.gitinsight.ingestion.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.client.AuthRestClient;
import io.gitinsight.ingestion.domain.Actor;
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
 * Who is calling, verified here although the gateway verified it already (defence in depth: a request
 * that reaches this service some other way proves nothing by having arrived). An access token is checked
 * against auth-service's JWKS; an API key ({@code X-API-Key} or {@code Bearer gik_…}) by auth-service.
 * Writes need credentials and a permission (401, 403); reads take a guest too, but credentials that are
 * sent must be valid.
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

    /** The caller, who must hold {@code permission}. */
    public Uni<Actor> require(String authorization, String apiKey, Permission permission) {
        Uni<Grant> grant = grant(authorization, apiKey, permission);
        if (grant == null) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, 401,
                    "this needs an access token or an API key", Map.of(), null));
        }
        return grant.map(g -> {
            if (!g.allowed()) {
                throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, 403, "this needs the permission "
                        + permission.value(), Map.of("permission", permission.value()), null);
            }
            return g.actor();
        });
    }

    /** The caller of a public read: a guest without credentials, else whoever the credentials name. */
    public Uni<Actor> optional(String authorization, String apiKey) {
        Uni<Grant> grant = grant(authorization, apiKey, Permission.REPOSITORY_READ);
        return grant == null ? Uni.createFrom().item(Actor.guest()) : grant.map(Grant::actor);
    }

    private record Grant(Actor actor, boolean allowed) {
    }

    /** Null when no credentials were sent. */
    private Uni<Grant> grant(String authorization, String apiKey, Permission permission) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey(apiKey.trim(), permission);
        }
        if (bearer != null && bearer.startsWith(API_KEY_PREFIX)) {
            return apiKey(bearer, permission);
        }
        if (bearer != null && !bearer.isEmpty()) {
            return Uni.createFrom().completionStage(() -> tokens.verify(bearer).toCompletionStage())
                    .onFailure(e -> !(e instanceof ApiException)).transform(ActorResolver::authDown)
                    .map(t -> new Grant(new Actor(uuid(t.subject()), t.login(), t.role() == Role.ADMIN),
                            t.has(permission)));
        }
        if (authorization != null && !authorization.isBlank()) {
            return Uni.createFrom().failure(AccessTokenVerifier.refused("Authorization is not a Bearer credential"));
        }
        return null;
    }

    private Uni<Grant> apiKey(String key, Permission permission) {
        JsonNode body = Json.mapper().createObjectNode().put("key", key);
        return auth.verifyApiKey(internalToken, body).onFailure().transform(ActorResolver::authDown).map(response -> {
            if (response.getStatus() == 401) {
                throw AccessTokenVerifier.refused("API key unknown, revoked or expired");
            }
            if (response.getStatus() != 200) {
                throw authDown(new IllegalStateException("auth-service answered " + response.getStatus()));
            }
            JsonNode owner = parse(response.readEntity(String.class));
            Role role = Role.fromValue(owner.path("role").asText()).orElse(Role.USER);
            boolean allowed = false;
            for (JsonNode scope : owner.path("scopes")) {
                allowed |= scope.asText().equals(permission.value()) && role.has(permission);
            }
            Actor actor = new Actor(uuid(owner.path("user_id").asText()), owner.path("login").asText(null),
                    role == Role.ADMIN);
            return new Grant(actor, allowed);
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

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw authDown(e);
        }
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
