package io.gitinsight.query.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.Snapshot;
import io.gitinsight.query.domain.SnapshotLookup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.metric_snapshots}, the metrics objects analysis precomputed per window. */
@ApplicationScoped
public class SnapshotRepository {

    private final Pool pool;
    private final DbQueries queries;

    public SnapshotRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** The snapshot of one window, telling an unknown repository apart from one not analyzed yet. */
    public Uni<SnapshotLookup> find(UUID repositoryId, String window) {
        return queries.run("snapshot", () -> pool.preparedQuery("""
                SELECT s.window_name, s.computed_at, s.metrics::text AS metrics
                FROM analysis.repositories r
                LEFT JOIN analysis.metric_snapshots s ON s.repository_id = r.id AND s.window_name = $2
                WHERE r.id = $1""").execute(Tuple.of(repositoryId, window)).map(rows -> {
            if (rows.size() == 0) {
                return new SnapshotLookup(false, Optional.empty());
            }
            Row row = rows.iterator().next();
            return new SnapshotLookup(true,
                    row.getString("metrics") == null ? Optional.empty() : Optional.of(snapshot(row)));
        }));
    }

    /** Every repository's value of one metric in one window, for rebuilding a leaderboard. */
    public Uni<List<Score>> scores(String window, List<String> jsonPath) {
        return queries.run("leaderboard-scores", () -> pool.preparedQuery("""
                SELECT repository_id, (metrics #>> $2)::float8 AS score FROM analysis.metric_snapshots
                WHERE window_name = $1 AND jsonb_typeof(metrics #> $2) = 'number'""")
                .execute(Tuple.of(window, jsonPath.toArray(String[]::new)))
                .map(rows -> Rows.map(rows, row -> new Score(row.getUUID("repository_id"), row.getDouble("score")))));
    }

    /** All windows of one repository. */
    public Uni<List<Snapshot>> all(UUID repositoryId) {
        return queries.run("snapshots", () -> pool.preparedQuery("""
                SELECT window_name, computed_at, metrics::text AS metrics FROM analysis.metric_snapshots
                WHERE repository_id = $1""").execute(Tuple.of(repositoryId))
                .map(rows -> Rows.map(rows, SnapshotRepository::snapshot)));
    }

    private static Snapshot snapshot(Row row) {
        return new Snapshot(row.getString("window_name"), Rows.instant(row, "computed_at"), row.getString("metrics"));
    }

    /** A repository's value of a metric. */
    public record Score(UUID repositoryId, double score) {
    }
}
