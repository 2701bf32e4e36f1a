package io.gitinsight.query.api;

import java.util.Arrays;
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

import io.gitinsight.query.domain.LeaderboardMetric;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.LeaderboardService;
import io.gitinsight.query.service.SearchService;
import io.gitinsight.query.service.SummaryService;
import io.gitinsight.query.service.TrendingService;
import io.smallrye.mutiny.Uni;

/** The fast paths: answers shaped for one screen each, served from Redis. */
@Path("/fast")
@Produces(MediaType.APPLICATION_JSON)
public class FastResource {

    static final List<String> TRENDING_WINDOWS = List.of("7d", "14d", "30d", "90d");

    private final SummaryService summaries;
    private final SearchService search;
    private final LeaderboardService leaderboards;
    private final TrendingService trending;
    private final RepositoryAccess access;

    public FastResource(SummaryService summaries, SearchService search, LeaderboardService leaderboards,
            TrendingService trending, RepositoryAccess access) {
        this.access = access;
        this.summaries = summaries;
        this.search = search;
        this.leaderboards = leaderboards;
        this.trending = trending;
    }

    @GET
    @Path("/repositories/{id}/summary")
    public Uni<RestResponse<byte[]>> summary(@RestPath("id") UUID id, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return access.guard(id, authorization, apiKey, () -> summaries.summary(id))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/search")
    public Uni<RestResponse<byte[]>> search(@RestQuery String q, @RestQuery String language, @RestQuery Integer limit,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestHeader("X-API-Key") String apiKey) {
        String text = Params.required("q", q, 200);
        String chosenLanguage = Params.text("language", language, 100);
        int chosenLimit = Params.range("limit", limit, 20, 1, 100);
        return access.viewer(authorization, apiKey).chain(viewer -> search.search(text, chosenLanguage, chosenLimit, viewer))
                .map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/leaderboard")
    public Uni<RestResponse<byte[]>> leaderboard(@RestQuery String metric, @RestQuery String window,
            @RestQuery Integer limit, @RestHeader("If-None-Match") String ifNoneMatch) {
        List<String> metrics = Arrays.stream(LeaderboardMetric.values()).map(LeaderboardMetric::value).toList();
        LeaderboardMetric chosen = LeaderboardMetric.fromValue(Params.oneOf("metric", metric, "commits", metrics))
                .orElseThrow();
        return leaderboards.leaderboard(chosen, Params.oneOf("window", window, "90d", Params.WINDOWS),
                Params.range("limit", limit, 10, 1, 100)).map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }

    @GET
    @Path("/trending")
    public Uni<RestResponse<byte[]>> trending(@RestQuery String window, @RestQuery Integer limit,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return trending.trending(Params.oneOf("window", window, "7d", TRENDING_WINDOWS),
                Params.range("limit", limit, 10, 1, 100)).map(cached -> CachedResponses.answer(cached, ifNoneMatch));
    }
}
