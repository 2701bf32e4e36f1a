package io.gitinsight.query.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.TrendingEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Trending repositories from the daily commit series analysis keeps ({@code metric_series}, metric
 * {@code commits}, interval {@code day}, kind {@code actual}): commits in {@code [start, end)} against
 * {@code [previousStart, start)}. Growth adds one to the previous count so that a repository without
 * earlier commits ranks by its new ones instead of dividing by zero. Only growing repositories trend.
 */
@ApplicationScoped
public class TrendingRepository {

    private static final String SQL = """
            WITH sums AS (
              SELECT repository_id,
                     coalesce(sum(value) FILTER (WHERE t >= $2), 0)::bigint AS current,
                     coalesce(sum(value) FILTER (WHERE t < $2), 0)::bigint AS previous
              FROM analysis.metric_series
              WHERE metric = 'commits' AND interval_name = 'day' AND kind = 'actual' AND t >= $1 AND t < $3
              GROUP BY repository_id)
            SELECT r.id, r.full_name, r.description, r.language, r.stars, s.current, s.previous,
                   (s.current - s.previous)::float8 / (s.previous + 1) AS growth
            FROM sums s JOIN analysis.repositories r ON r.id = s.repository_id
            WHERE s.current > s.previous AND NOT r.is_private
            ORDER BY growth DESC, s.current DESC, lower(r.full_name)
            LIMIT $4""";

    private final Pool pool;
    private final DbQueries queries;

    public TrendingRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<List<TrendingEntry>> trending(Instant previousStart, Instant start, Instant end, int limit) {
        return queries.run("trending", () -> pool.preparedQuery(SQL)
                .execute(Tuple.of(Rows.param(previousStart), Rows.param(start), Rows.param(end), limit))
                .map(rows -> Rows.map(rows, row -> new TrendingEntry(row.getUUID("id"), row.getString("full_name"),
                        row.getString("description"), row.getString("language"), row.getInteger("stars"),
                        row.getLong("current"), row.getLong("previous"),
                        Math.round(row.getDouble("growth") * 1000.0) / 1000.0))));
    }
}
