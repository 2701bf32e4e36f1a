package io.gitinsight.query.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.PullRequestFilter;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.MetricsService;
import io.gitinsight.query.service.RepositoryDetailService;
import io.smallrye.mutiny.Uni;

/** A repository's metrics, trends, contributors and pull requests, as analysis computed them. */
@Path("/repositories/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryMetricsResource {

    static final List<String> TREND_METRICS = List.of("commits", "churn", "prs_merged", "cycle_time", "contributors");
    static final List<String> INTERVALS = List.of("day", "week", "month");
    static final List<String> PR_STATES = List.of("open", "closed", "merged");

    private final MetricsService metrics;
    private final RepositoryDetailService details;
    private final RepositoryAccess access;
    private final Clock clock;

    public RepositoryMetricsResource(MetricsService metrics, RepositoryDetailService details, RepositoryAccess access,
            Clock clock) {
        this.metrics = metrics;
        this.details = details;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("/metrics")
    public Uni<RestResponse<byte[]>> metrics(@RestPath("id") UUID id, @RestQuery String window,
            @RestQuery String until, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        String chosen = Params.oneOf("window", window, "90d", Params.WINDOWS);
        Instant end = Params.time("until", until, true);
        return access.guard(id, authorization, apiKey, () -> metrics.metrics(id, chosen, end))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/trends")
    public Uni<RestResponse<byte[]>> trends(@RestPath("id") UUID id, @RestQuery String metric,
            @RestQuery String interval, @RestQuery String since, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        String chosen = Params.oneOf("metric", metric, "commits", TREND_METRICS);
        String step = Params.oneOf("interval", interval, "week", INTERVALS);
        Instant from = Params.since("since", since, clock.instant());
        return access.guard(id, authorization, apiKey, () -> details.trend(id, chosen, step, from))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/contributors")
    public Uni<RestResponse<byte[]>> contributors(@RestPath("id") UUID id,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        return access.guard(id, authorization, apiKey, () -> details.contributors(id))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/pulls")
    public Uni<RestResponse<byte[]>> pulls(@RestPath("id") UUID id, @RestQuery String state, @RestQuery String author,
            @RestQuery Integer page, @RestQuery("page_size") Integer pageSize,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        PullRequestFilter filter = new PullRequestFilter(Params.oneOf("state", state, null, PR_STATES),
                Params.text("author", author, 100));
        return access.guard(id, authorization, apiKey, () -> details.pulls(id, filter, PageRequest.of(page, pageSize)))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }
}
