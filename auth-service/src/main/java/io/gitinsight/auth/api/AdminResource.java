package io.gitinsight.auth.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.auth.api.AuthResource.Me;
import io.gitinsight.auth.repository.AuditLogRepository;
import io.gitinsight.auth.security.CallerResolver;
import io.gitinsight.auth.service.AdminService;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Users, roles and the audit log, for callers with {@code admin:users}. */
@Path("/admin")
public class AdminResource {

    public record RoleChange(@NotNull Role role) {
    }

    private final AdminService admin;
    private final CallerResolver callers;

    public AdminResource(AdminService admin, CallerResolver callers) {
        this.admin = admin;
        this.callers = callers;
    }

    @GET
    @Path("/users")
    public Uni<Page<Me>> users(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey, @RestQuery Integer page,
            @RestQuery("page_size") Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        return callers.resolve(authorization, apiKey, Permission.ADMIN_USERS).chain(caller -> admin.users(request))
                .map(found -> new Page<>(found.data().stream().map(Me::of).toList(), found.pagination()));
    }

    @PUT
    @Path("/users/{id}/role")
    public Uni<Me> changeRole(@RestPath("id") UUID id, @Valid @NotNull RoleChange body,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey, HttpServerRequest request) {
        var client = Clients.of(request);
        return callers.resolve(authorization, apiKey, Permission.ADMIN_USERS)
                .chain(caller -> admin.changeRole(caller, id, body.role(), client)).map(Me::of);
    }

    @GET
    @Path("/audit-logs")
    public Uni<Page<AuditLogRepository.Stored>> auditLogs(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader(AuthResource.API_KEY_HEADER) String apiKey,
            @RestQuery @Size(max = 100) String actor, @RestQuery @Size(max = 100) String action,
            @RestQuery String since, @RestQuery Integer page, @RestQuery("page_size") Integer pageSize) {
        var filter = new AuditLogRepository.Filter(actor, action, parse(since));
        PageRequest request = PageRequest.of(page, pageSize);
        return callers.resolve(authorization, apiKey, Permission.ADMIN_USERS)
                .chain(caller -> admin.auditLogs(filter, request));
    }

    private static Instant parse(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ApiException(io.gitinsight.model.error.ErrorCode.VALIDATION_ERROR,
                    "since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z", Map.of("field", "since"));
        }
    }
}
