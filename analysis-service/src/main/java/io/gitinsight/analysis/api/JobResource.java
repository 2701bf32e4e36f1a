package io.gitinsight.analysis.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.security.ActorResolver;
import io.gitinsight.analysis.service.RepositoryService;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Jobs and their live progress (public data, like the repositories they belong to): a job of a private
 * repository exists only for those who may see the repository.
 */
@Path("/jobs")
public class JobResource {

    private final JobRepository jobs;
    private final RepositoryService repositories;
    private final ActorResolver actors;

    public JobResource(JobRepository jobs, RepositoryService repositories, ActorResolver actors) {
        this.jobs = jobs;
        this.repositories = repositories;
        this.actors = actors;
    }

    @GET
    @Path("/{id}")
    public Uni<JobView> get(@RestPath("id") UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return actors.optional(authorization, apiKey).chain(actor -> jobs.find(id).call(job -> job == null
                || job.repositoryId() == null ? Uni.createFrom().voidItem()
                        : repositories.visible(job.repositoryId(), actor).replaceWithVoid()))
                // a job of a repository the caller may not see does not exist for them either
                .onFailure(e -> e instanceof ApiException api && api.code() == ErrorCode.REPOSITORY_NOT_FOUND)
                .transform(e -> ApiException.notFound("job", id)).map(job -> {
                    if (job == null) {
                        throw ApiException.notFound("job", id);
                    }
                    return JobView.of(job);
                });
    }

    /** The most recent jobs the caller may see, newest first: {@code limit} 1..100, default 10. */
    @GET
    public Uni<List<JobView>> recent(@RestQuery String limit, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        int n = parseLimit(limit);
        return actors.optional(authorization, apiKey).chain(actor -> jobs.recent(n, actor == null ? null : actor.userId(),
                actor != null && actor.admin())).map(found -> found.stream().map(JobView::of).toList());
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("limit", "limit must be an integer within 1..100");
    }
}
