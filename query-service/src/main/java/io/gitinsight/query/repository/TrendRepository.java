package io.gitinsight.query.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.Trend;
import io.gitinsight.query.domain.TrendPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.metric_series}: a repository's actual and forecast points of one metric. */
@ApplicationScoped
public class TrendRepository {

    private static final String SQL = """
            SELECT s.kind, s.t, s.value, s.low, s.high
            FROM analysis.repositories r
            LEFT JOIN analysis.metric_series s ON s.repository_id = r.id AND s.metric = $2 AND s.interval_name = $3
                 AND (s.kind = 'forecast' OR $4::timestamptz IS NULL OR s.t >= $4)
            WHERE r.id = $1
            ORDER BY s.kind, s.t""";

    private final Pool pool;
    private final DbQueries queries;

    public TrendRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** The series, or empty when the repository does not exist; forecast points are never cut by since. */
    public Uni<Optional<Trend>> trend(UUID repositoryId, String metric, String interval, Instant since) {
        return queries.run("trend", () -> pool.preparedQuery(SQL)
                .execute(Tuple.of(repositoryId, metric, interval, Rows.param(since))).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    List<TrendPoint> points = new ArrayList<>();
                    List<TrendPoint> forecast = new ArrayList<>();
                    for (Row row : rows) {
                        if ("actual".equals(row.getString("kind"))) {
                            points.add(new TrendPoint(Rows.instant(row, "t"), row.getDouble("value"), null, null));
                        } else if ("forecast".equals(row.getString("kind"))) {
                            forecast.add(new TrendPoint(Rows.instant(row, "t"), row.getDouble("value"),
                                    row.getDouble("low"), row.getDouble("high")));
                        }
                    }
                    return Optional.of(new Trend(metric, interval, points, forecast));
                }));
    }
}
