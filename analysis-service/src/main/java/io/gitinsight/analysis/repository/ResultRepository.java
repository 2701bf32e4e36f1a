package io.gitinsight.analysis.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.domain.AnalysisResult;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes a computation's results. Snapshots, contributors, phases and series describe the repository
 * now and replace the previous run's; insights are history: a run adds its own (a rerun of the same job
 * replaces that job's) and answers their ids.
 */
@ApplicationScoped
public class ResultRepository {

    public Uni<List<UUID>> write(SqlClient client, UUID repositoryId, UUID jobId, AnalysisResult result) {
        return snapshots(client, repositoryId, jobId, result).chain(() -> contributors(client, repositoryId, result))
                .chain(() -> phases(client, repositoryId, result)).chain(() -> series(client, repositoryId, result))
                .chain(() -> insights(client, repositoryId, jobId, result));
    }

    private Uni<Void> snapshots(SqlClient client, UUID repositoryId, UUID jobId, AnalysisResult result) {
        JsonArray rows = new JsonArray();
        result.metricsByWindow().forEach((window, metrics) -> rows.add(new JsonObject().put("window_name", window)
                .put("metrics", json(metrics))));
        return client.preparedQuery("INSERT INTO analysis.metric_snapshots (repository_id, window_name, computed_at, "
                + "job_id, metrics) SELECT $1, x.window_name, $2, $3, x.metrics FROM jsonb_to_recordset($4) "
                + "AS x(window_name text, metrics jsonb) ON CONFLICT (repository_id, window_name) DO UPDATE SET "
                + "computed_at = EXCLUDED.computed_at, job_id = EXCLUDED.job_id, metrics = EXCLUDED.metrics")
                .execute(Tuple.of(repositoryId, Sql.utc(result.computedAt()), jobId, rows)).replaceWithVoid();
    }

    private Uni<Void> contributors(SqlClient client, UUID repositoryId, AnalysisResult result) {
        JsonArray rows = new JsonArray();
        result.contributors().forEach(c -> rows.add(new JsonObject().put("login", c.login()).put("name", c.name())
                .put("emails", new JsonArray(c.emails())).put("is_bot", c.bot()).put("commits", c.commits())
                .put("additions", c.additions()).put("deletions", c.deletions()).put("prs_opened", c.prsOpened())
                .put("reviews_given", c.reviewsGiven()).put("first_commit", text(c.firstCommit()))
                .put("last_commit", text(c.lastCommit())).put("share", c.share())));
        return client.preparedQuery("DELETE FROM analysis.contributors WHERE repository_id = $1")
                .execute(Tuple.of(repositoryId))
                .chain(() -> client.preparedQuery("INSERT INTO analysis.contributors (repository_id, login, name, emails, "
                        + "is_bot, commits, additions, deletions, prs_opened, reviews_given, first_commit, last_commit, share) "
                        + "SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(login text, name text, emails text[], "
                        + "is_bot boolean, commits integer, additions bigint, deletions bigint, prs_opened integer, "
                        + "reviews_given integer, first_commit timestamptz, last_commit timestamptz, share double precision)")
                        .execute(Tuple.of(repositoryId, rows)))
                .replaceWithVoid();
    }

    private Uni<Void> phases(SqlClient client, UUID repositoryId, AnalysisResult result) {
        if (result.pullRequests().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        result.pullRequests().forEach(p -> rows.add(new JsonObject().put("number", p.number())
                .put("first_commit_at", text(p.firstCommitAt())).put("first_review_at", text(p.firstReviewAt()))
                .put("deployed_at", text(p.deployedAt())).put("coding_hours", p.codingHours())
                .put("pickup_hours", p.pickupHours()).put("review_hours", p.reviewHours())
                .put("deploy_hours", p.deployHours()).put("cycle_time_hours", p.cycleTimeHours())
                .put("time_to_first_review_hours", p.timeToFirstReviewHours()).put("is_hotfix", p.hotfix())));
        return client.preparedQuery("UPDATE analysis.pull_requests p SET first_commit_at = x.first_commit_at, "
                + "first_review_at = x.first_review_at, deployed_at = x.deployed_at, coding_hours = x.coding_hours, "
                + "pickup_hours = x.pickup_hours, review_hours = x.review_hours, deploy_hours = x.deploy_hours, "
                + "cycle_time_hours = x.cycle_time_hours, time_to_first_review_hours = x.time_to_first_review_hours, "
                + "is_hotfix = x.is_hotfix FROM jsonb_to_recordset($2) AS x(number integer, first_commit_at timestamptz, "
                + "first_review_at timestamptz, deployed_at timestamptz, coding_hours double precision, "
                + "pickup_hours double precision, review_hours double precision, deploy_hours double precision, "
                + "cycle_time_hours double precision, time_to_first_review_hours double precision, is_hotfix boolean) "
                + "WHERE p.repository_id = $1 AND p.number = x.number").execute(Tuple.of(repositoryId, rows))
                .replaceWithVoid();
    }

    private Uni<Void> series(SqlClient client, UUID repositoryId, AnalysisResult result) {
        JsonArray rows = new JsonArray();
        result.series().forEach(s -> rows.add(new JsonObject().put("metric", s.metric()).put("interval_name", s.interval())
                .put("kind", s.kind()).put("t", text(s.t())).put("value", s.value()).put("low", s.low())
                .put("high", s.high())));
        return client.preparedQuery("DELETE FROM analysis.metric_series WHERE repository_id = $1")
                .execute(Tuple.of(repositoryId))
                .chain(() -> client.preparedQuery("INSERT INTO analysis.metric_series (repository_id, metric, interval_name, "
                        + "kind, t, value, low, high) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(metric text, "
                        + "interval_name text, kind text, t timestamptz, value double precision, low double precision, "
                        + "high double precision)").execute(Tuple.of(repositoryId, rows)))
                .replaceWithVoid();
    }

    private Uni<List<UUID>> insights(SqlClient client, UUID repositoryId, UUID jobId, AnalysisResult result) {
        JsonArray rows = new JsonArray();
        List<UUID> ids = new java.util.ArrayList<>();
        for (AnalysisResult.InsightRow i : result.insights()) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new JsonObject().put("id", id.toString()).put("type", i.type()).put("title", i.title())
                    .put("description", i.description()).put("confidence_score", i.confidence())
                    .put("data", json(i.data())).put("tags", new JsonArray(i.tags()))
                    .put("model_version", i.modelVersion()));
        }
        Uni<Void> clear = jobId == null ? Uni.createFrom().voidItem()
                : client.preparedQuery("DELETE FROM analysis.insights WHERE repository_id = $1 AND job_id = $2")
                        .execute(Tuple.of(repositoryId, jobId)).replaceWithVoid();
        return clear.chain(() -> client.preparedQuery("INSERT INTO analysis.insights (id, repository_id, job_id, type, "
                + "title, description, confidence_score, data, tags, model_version, generated_at) SELECT x.id, $1, $2, "
                + "x.type, x.title, x.description, x.confidence_score, x.data, x.tags, x.model_version, $3 "
                + "FROM jsonb_to_recordset($4) AS x(id uuid, type text, title text, description text, "
                + "confidence_score double precision, data jsonb, tags text[], model_version text)")
                .execute(Tuple.of(repositoryId, jobId, Sql.utc(result.computedAt()), rows))).map(ignored -> ids);
    }

    /** Through the contract's JSON dialect, so records inside become snake_case objects. */
    @SuppressWarnings("unchecked")
    private static JsonObject json(Object value) {
        return new JsonObject(Json.mapper().convertValue(value, Map.class));
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
