package io.gitinsight.analysis.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;

import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;

/** For ingestion's org discovery: which of these GitHub repositories GitInsight tracks, and under which id. */
@Path("/internal/repositories")
public class InternalRepositoryResource {

    public record TrackedRequest(@NotNull @Size(max = 10_000) List<String> fullNames) {
    }

    public record TrackedAnswer(Map<String, String> tracked) {
    }

    private final InternalCallers internal;
    private final TrackedRepositoryRepository repositories;

    public InternalRepositoryResource(InternalCallers internal, TrackedRepositoryRepository repositories) {
        this.internal = internal;
        this.repositories = repositories;
    }

    /** {@code tracked}: lowercased full name → repository id, for the names that are tracked. */
    @POST
    @Path("/tracked")
    public Uni<TrackedAnswer> tracked(@RestHeader(InternalCallers.HEADER) String token, @Valid @NotNull TrackedRequest body) {
        internal.require(token);
        return repositories.idsByFullName(body.fullNames()).map(TrackedAnswer::new);
    }
}
