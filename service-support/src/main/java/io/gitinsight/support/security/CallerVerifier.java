package io.gitinsight.support.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/**
 * Who is calling a backend, verified there although the gateway verified it already (defence in depth: a
 * request that reaches a service some other way proves nothing by having arrived). An access token is
 * checked against auth-service's JWKS, as the gateway does; an API key ({@code X-API-Key} or
 * {@code Bearer gik_…}) by auth-service. Writes need credentials (401) and a permission (403); reads take a
 * guest, but credentials that are sent must be valid. auth-service unreachable → 503.
 */
public class CallerVerifier {

    /** The two auth-service endpoints this needs; each service's REST client to auth-service provides them. */
    public interface AuthEndpoints {
        Uni<Response> jwks();

        Uni<Response> verifyApiKey(String internalToken, JsonNode body);
    }

    /** A verified caller: a token's subject or an API key's owner. */
    public record Verified(UUID userId, String login, boolean admin) {
    }

    private record Grant(Verified caller, boolean allowed) {
    }

    private static final String BEARER = "Bearer ";
    private static final String API_KEY_PREFIX = "gik_";

    private final AccessTokenVerifier tokens;
    private final AuthEndpoints auth;
    private final String internalToken;

    public CallerVerifier(AuthEndpoints auth, String issuer, String internalToken) {
        this.auth = auth;
        this.internalToken = internalToken;
        JwksKeys keys = new JwksKeys(this::fetchJwks, Duration.ofMinutes(5), Duration.ofSeconds(10), Clock.systemUTC());
        this.tokens = new AccessTokenVerifier(keys, issuer, Duration.ofSeconds(30));
    }

    /** The caller, who must hold {@code permission}. */
    public Uni<Verified> require(String authorization, String apiKey, Permission permission) {
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
            return g.caller();
        });
    }

    /** The caller of a public read: empty for a guest without credentials, else whoever they name. */
    public Uni<Optional<Verified>> optional(String authorization, String apiKey) {
        Uni<Grant> grant = grant(authorization, apiKey, Permission.REPOSITORY_READ);
        return grant == null ? Uni.createFrom().item(Optional.empty()) : grant.map(g -> Optional.of(g.caller()));
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
                    .onFailure(e -> !(e instanceof ApiException)).transform(CallerVerifier::authDown)
                    .map(t -> new Grant(new Verified(uuid(t.subject()), t.login(), t.role() == Role.ADMIN),
                            t.has(permission)));
        }
        if (authorization != null && !authorization.isBlank()) {
            return Uni.createFrom().failure(AccessTokenVerifier.refused("Authorization is not a Bearer credential"));
        }
        return null;
    }

    private Uni<Grant> apiKey(String key, Permission permission) {
        JsonNode body = Json.mapper().createObjectNode().put("key", key);
        return auth.verifyApiKey(internalToken, body).onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(CallerVerifier::authDown).map(response -> {
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
                    Verified caller = new Verified(uuid(owner.path("user_id").asText()), owner.path("login").asText(null),
                            role == Role.ADMIN);
                    return new Grant(caller, allowed);
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
        } catch (IOException e) {
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
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 503, "the credentials cannot be checked now: "
                + "auth-service is unavailable", Map.of("upstream", "auth-service"), e);
    }
}
