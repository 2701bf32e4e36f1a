package io.gitinsight.analysis.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.gitinsight.analysis.security.ActorResolver;
import io.gitinsight.analysis.service.AnalysisJobService;
import io.gitinsight.analysis.service.RepositoryService;
import io.gitinsight.model.security.Permission;
import io.smallrye.mutiny.Uni;

/**
 * Tracking repositories (CONTRACT §2 "Repositories, analysis, jobs"): add, change settings, delete,
 * follow, analyze. Reads of repositories are query-service's.
 */
@Path("/repositories")
public class RepositoryResource {

    public record AddRequest(@Size(max = 140) String fullName, @Size(max = 2048) String cloneUrl) {
    }

    public record UpdateRequest(
            @Size(min = 1, max = 255) @Pattern(regexp = "[^\\s~^:?*\\[\\\\]+", message = "is not a valid branch name") String defaultBranch,
            @Min(1) @Max(8760) Integer analysisIntervalHours, Boolean webhookEnabled) {
    }

    private final RepositoryService repositories;
    private final AnalysisJobService analyses;
    private final ActorResolver actors;

    public RepositoryResource(RepositoryService repositories, AnalysisJobService analyses, ActorResolver actors) {
        this.repositories = repositories;
        this.analyses = analyses;
        this.actors = actors;
    }

    @POST
    @ResponseStatus(201)
    public Uni<RepositoryView> add(@Valid @NotNull AddRequest body,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> repositories.add(body.fullName(), body.cloneUrl(), actor)).map(RepositoryView::of);
    }

    @PUT
    @Path("/{id}")
    public Uni<RepositoryView> update(@RestPath("id") UUID id, @Valid @NotNull UpdateRequest body,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> repositories.update(id, body.defaultBranch(), body.analysisIntervalHours(),
                        body.webhookEnabled(), actor))
                .map(RepositoryView::of);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> repositories.delete(id, actor));
    }

    @POST
    @Path("/{id}/analyze")
    @ResponseStatus(202)
    public Uni<JobView> analyze(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> analyses.analyze(id, actor)).map(JobView::of);
    }

    @POST
    @Path("/{id}/follow")
    public Uni<FollowView> follow(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> repositories.follow(id, actor, true)).map(ignored -> new FollowView(id, true));
    }

    @DELETE
    @Path("/{id}/follow")
    public Uni<FollowView> unfollow(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> repositories.follow(id, actor, false)).map(ignored -> new FollowView(id, false));
    }

    /** Whether the caller follows the repository now. */
    public record FollowView(UUID repositoryId, boolean following) {
    }
}
