package io.gitinsight.auth.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.auth.domain.ApiKey;
import io.gitinsight.auth.security.CallerResolver;
import io.gitinsight.auth.service.ApiKeyService;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The caller's API keys (CONTRACT §2): created once with the key shown, listed without it, revoked. */
@Path("/auth/api-keys")
public class ApiKeyResource {

    public record CreateRequest(@NotBlank @Size(max = 100) String name, @Size(max = 10) List<@NotBlank String> scopes,
            @Min(1) @Max(3650) Integer expiresInDays, @Min(1) @Max(1_000_000) Integer rateLimitPerHour) {
    }

    public record Created(UUID id, String name, String key, List<String> scopes, Instant expiresAt,
            int rateLimitPerHour) {
    }

    public record Listed(UUID id, String name, String prefix, List<String> scopes, Instant expiresAt,
            int rateLimitPerHour, Instant lastUsedAt, Instant createdAt, Instant revokedAt) {
        static Listed of(ApiKey key) {
            return new Listed(key.id(), key.name(), key.prefix(), key.scopes(), key.expiresAt(), key.rateLimitPerHour(),
                    key.lastUsedAt(), key.createdAt(), key.revokedAt());
        }
    }

    private final ApiKeyService keys;
    private final CallerResolver callers;

    public ApiKeyResource(ApiKeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    public Uni<Created> create(@Valid @NotNull CreateRequest body,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey, HttpServerRequest request) {
        var caller = callers.requireSession(authorization, apiKey);
        return keys.create(caller, new ApiKeyService.NewKey(body.name(), body.scopes(), body.expiresInDays(),
                body.rateLimitPerHour()), Clients.of(request))
                .map(created -> new Created(created.key().id(), created.key().name(), created.secret(),
                        created.key().scopes(), created.key().expiresAt(), created.key().rateLimitPerHour()));
    }

    /** The caller's keys; an API key lists its owner's (a key never creates one: that needs a session). */
    @GET
    public Uni<Page<Listed>> list(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey, @RestQuery Integer page,
            @RestQuery("page_size") Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        return callers.resolve(authorization, apiKey).chain(caller -> keys.list(caller, request))
                .map(found -> new Page<>(found.data().stream().map(Listed::of).toList(), found.pagination()));
    }

    /** Revokes one of the caller's keys; an API key may revoke its owner's keys, itself included. */
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> revoke(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey, HttpServerRequest request) {
        var client = Clients.of(request);
        return callers.resolve(authorization, apiKey).chain(caller -> keys.revoke(caller, id, client));
    }
}
