package io.gitinsight.analysis.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.gitinsight.analysis.repository.UserScoreRepository;
import io.gitinsight.analysis.security.ActorResolver;
import io.gitinsight.analysis.service.UserScoreService;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Per-user scores: start an analysis of a GitHub user, read their scores per window. */
@Path("/users/{login}")
public class UserScoreResource {

    private final UserScoreService service;
    private final UserScoreRepository scores;
    private final ActorResolver actors;

    public UserScoreResource(UserScoreService service, UserScoreRepository scores, ActorResolver actors) {
        this.service = service;
        this.scores = scores;
        this.actors = actors;
    }

    @POST
    @Path("/analyze")
    @ResponseStatus(202)
    public Uni<JobView> analyze(@RestPath("login") String login, @RestQuery String since, @RestQuery String rules,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader("X-API-Key") String apiKey) {
        return actors.require(authorization, apiKey, Permission.REPOSITORY_ANALYZE)
                .chain(actor -> service.analyze(login, since, rules, actor)).map(JobView::of);
    }

    @GET
    @Path("/scores")
    public Uni<JsonObject> scores(@RestPath("login") String login, @RestQuery String window) {
        UserScoreService.checkLogin(login);
        String w = window == null ? "90d" : window;
        if (!w.equals("30d") && !w.equals("90d") && !w.equals("180d")) {
            throw ApiException.invalid("window", "window must be 30d, 90d or 180d");
        }
        return scores.report(login, w).map(report -> {
            if (report == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no scores for " + login + " yet: POST /users/" + login
                        + "/analyze first", Map.of("login", login));
            }
            return new JsonObject().put("login", login).put("window", w).put("since", report.getString("since"))
                    .put("rules", report.getString("rules")).put("computed_at", report.getString("computed_at"))
                    .put("summary", report.getJsonObject("summary")).put("scores", report.getJsonArray("scores"));
        });
    }
}
