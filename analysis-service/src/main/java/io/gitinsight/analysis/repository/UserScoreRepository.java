package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.metrics.scores.DimensionScore;
import io.gitinsight.analysis.metrics.scores.ScoreReport;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Per-user score reports: the whole report per window, and its dimensions as rows. */
@ApplicationScoped
public class UserScoreRepository {

    private final Pool pool;

    public UserScoreRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(String login, List<ScoreReport> reports, Instant since, String rules, UUID jobId, Instant at) {
        String key = login.toLowerCase(Locale.ROOT);
        JsonArray rows = new JsonArray();
        JsonArray dimensions = new JsonArray();
        for (ScoreReport report : reports) {
            rows.add(new JsonObject().put("window_name", report.window()).put("report",
                    new JsonObject(Json.mapper().convertValue(report, java.util.Map.class))));
            for (DimensionScore d : report.scores()) {
                dimensions.add(new JsonObject().put("dimension", d.dimension()).put("window_name", d.window())
                        .put("score", d.score()).put("events", d.events()).put("weight", d.weight()));
            }
        }
        return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM analysis.user_scores WHERE login = $1")
                .execute(Tuple.of(key))
                .chain(() -> conn
                        .preparedQuery("INSERT INTO analysis.user_scores (login, dimension, window_name, score, events, "
                                + "weight, computed_at, job_id) SELECT $1, x.dimension, x.window_name, x.score, x.events, x.weight, $3, $4 "
                                + "FROM jsonb_to_recordset($2) AS x(dimension text, window_name text, score double precision, "
                                + "events integer, weight double precision)")
                        .execute(Tuple.of(key, dimensions, Sql.utc(at), jobId)))
                .chain(() -> conn.preparedQuery("DELETE FROM analysis.user_score_reports WHERE login = $1")
                        .execute(Tuple.of(key)))
                .chain(() -> conn.preparedQuery("INSERT INTO analysis.user_score_reports (login, window_name, report, since, "
                        + "rules, computed_at, job_id) SELECT $1, x.window_name, x.report, $3, $4, $5, $6 FROM "
                        + "jsonb_to_recordset($2) AS x(window_name text, report jsonb)")
                        .execute(Tuple.from(new Object[] { key, rows, Sql.utc(since), rules, Sql.utc(at), jobId }))))
                .replaceWithVoid();
    }

    /** The stored report of a window, or null. */
    public Uni<JsonObject> report(String login, String window) {
        return pool.preparedQuery("SELECT report, since, rules, computed_at FROM analysis.user_score_reports "
                + "WHERE login = $1 AND window_name = $2").execute(Tuple.of(login.toLowerCase(Locale.ROOT), window))
                .map(rows -> Sql.first(rows, row -> ((JsonObject) row.getValue("report")).copy()
                        .put("since", Sql.instant(row, "since").toString()).put("rules", row.getString("rules"))
                        .put("computed_at", Sql.instant(row, "computed_at").toString())));
    }
}
