package io.gitinsight.ingestion.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.ingestion.service.UserActivityService;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** For analysis-service's per-user scores: a user's public GitHub activity since a time. */
@Path("/internal/github/users")
public class InternalUserResource {

    private final InternalCallers internal;
    private final UserActivityService activity;

    public InternalUserResource(InternalCallers internal, UserActivityService activity) {
        this.internal = internal;
        this.activity = activity;
    }

    @GET
    @Path("/{login}/activity")
    public Uni<UserActivityService.UserActivity> activity(@RestHeader(InternalCallers.HEADER) String token,
            @RestPath("login") String login, @RestQuery String since) {
        internal.require(token);
        Instant from;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("since", "since must be an ISO-8601 instant");
        }
        return activity.activity(login, from);
    }
}
