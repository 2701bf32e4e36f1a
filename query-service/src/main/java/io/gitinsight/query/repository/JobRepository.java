package io.gitinsight.query.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.JobState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.jobs}: the latest analysis of a repository. */
@ApplicationScoped
public class JobRepository {

    private final Pool pool;
    private final DbQueries queries;

    public JobRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<Optional<JobState>> latest(UUID repositoryId) {
        return queries.run("latest-job", () -> pool.preparedQuery("""
                SELECT id, repository_id, status, stage, progress, items_processed, items_total, error_message,
                       created_at, completed_at
                FROM analysis.jobs WHERE repository_id = $1 AND kind = 'repository'
                ORDER BY created_at DESC, id LIMIT 1""").execute(Tuple.of(repositoryId))
                .map(rows -> rows.size() == 0 ? Optional.<JobState> empty() : Optional.of(job(rows.iterator().next()))));
    }

    private static JobState job(Row row) {
        return new JobState(row.getUUID("id"), row.getUUID("repository_id"), row.getString("status"),
                row.getString("stage"), row.getInteger("progress"), row.getLong("items_processed"),
                row.getLong("items_total"), row.getString("error_message"), Rows.instant(row, "created_at"),
                Rows.instant(row, "completed_at"));
    }
}
