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
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, HttpServerRequest request) {
        var caller = callers.require(authorization);
        return keys.create(caller, new ApiKeyService.NewKey(body.name(), body.scopes(), body.expiresInDays(),
                body.rateLimitPerHour()), Clients.of(request))
                .map(created -> new Created(created.key().id(), created.key().name(), created.secret(),
                        created.key().scopes(), created.key().expiresAt(), created.key().rateLimitPerHour()));
    }

    @GET
    public Uni<Page<Listed>> list(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery Integer page, @RestQuery("page_size") Integer pageSize) {
        var caller = callers.require(authorization);
        PageRequest request = PageRequest.of(page, pageSize);
        return keys.list(caller, request)
                .map(found -> new Page<>(found.data().stream().map(Listed::of).toList(), found.pagination()));
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> revoke(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            HttpServerRequest request) {
        var caller = callers.require(authorization);
        return keys.revoke(caller, id, Clients.of(request));
    }
}
