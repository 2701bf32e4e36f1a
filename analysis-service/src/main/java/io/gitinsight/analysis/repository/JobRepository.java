package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.domain.Job;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Analysis jobs. "One active job per repository (or user)" is a partial unique index, so two
 * simultaneous requests cannot both start one: the loser's insert does nothing and it is shown the
 * winner's job.
 */
@ApplicationScoped
public class JobRepository {

    private static final String COLUMNS = "id, kind, repository_id, subject_login, status, progress, stage, "
            + "items_processed, items_total, since, created_at, started_at, completed_at, error_message, batch_count, "
            + "head_sha, full_history";

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /** Creates a queued job, or answers null when one is already active for the same subject. */
    public Uni<Job> create(UUID id, String kind, UUID repositoryId, String subjectLogin, UUID requestedBy,
            Instant since) {
        return pool.preparedQuery("INSERT INTO analysis.jobs (id, kind, repository_id, subject_login, requested_by, "
                + "status, since) VALUES ($1, $2, $3, $4, $5, 'queued', $6) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(id, kind, repositoryId, subjectLogin, requestedBy, Sql.utc(since)))
                .map(rows -> Sql.first(rows, JobRepository::map));
    }

    public Uni<Job> active(UUID repositoryId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.jobs WHERE repository_id = $1 "
                + "AND kind = 'repository' AND status IN ('queued', 'running')").execute(Tuple.of(repositoryId))
                .map(rows -> Sql.first(rows, JobRepository::map));
    }

    public Uni<Job> activeForUser(String login) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.jobs WHERE lower(subject_login) = lower($1) "
                + "AND kind = 'user' AND status IN ('queued', 'running')").execute(Tuple.of(login))
                .map(rows -> Sql.first(rows, JobRepository::map));
    }

    public Uni<Job> find(UUID id) {
        return find(pool, id);
    }

    public Uni<Job> find(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM analysis.jobs WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Sql.first(rows, JobRepository::map));
    }

    /**
     * The most recent jobs that {@code viewer} (null for a guest) may see: all for an admin, else none of a
     * private repository that the viewer does not follow.
     */
    public Uni<List<Job>> recent(int limit, UUID viewer, boolean admin) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.jobs j WHERE $2 OR NOT EXISTS (SELECT 1 "
                + "FROM analysis.repositories r WHERE r.id = j.repository_id AND r.is_private AND NOT EXISTS "
                + "(SELECT 1 FROM analysis.follows f WHERE f.repository_id = r.id AND f.user_id = $3)) "
                + "ORDER BY created_at DESC, id LIMIT $1")
                .execute(Tuple.of(limit, admin, viewer)).map(rows -> Sql.list(rows, JobRepository::map));
    }

    /**
     * Moves an unfinished job to a stage. {@code progress} never goes backwards (events may arrive out of
     * order); the job is running from its first stage on.
     */
    public Uni<Void> progress(SqlClient client, UUID id, String stage, int progress, long processed, Long total,
            Map<String, Long> github) {
        return client.preparedQuery("UPDATE analysis.jobs SET status = 'running', stage = $2, "
                + "progress = greatest(progress, $3), items_processed = $4, items_total = coalesce($5, items_total), "
                + "github = coalesce($6, github), started_at = coalesce(started_at, now()) "
                + "WHERE id = $1 AND status IN ('queued', 'running')")
                .execute(Tuple.of(id, stage, progress, processed, total,
                        github == null ? null : new JsonObject(Map.copyOf(github))))
                .replaceWithVoid();
    }

    public Uni<Void> complete(SqlClient client, UUID id) {
        return client.preparedQuery("UPDATE analysis.jobs SET status = 'completed', stage = 'completed', progress = 100, "
                + "completed_at = now(), started_at = coalesce(started_at, now()) WHERE id = $1 AND status <> 'completed'")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Fails an unfinished job; answers whether it was unfinished. */
    public Uni<Boolean> fail(SqlClient client, UUID id, String message) {
        return client.preparedQuery("UPDATE analysis.jobs SET status = 'failed', stage = 'failed', error_message = $2, "
                + "completed_at = now() WHERE id = $1 AND status IN ('queued', 'running')")
                .execute(Tuple.of(id, message)).map(rows -> rows.rowCount() == 1);
    }

    /** Records that a batch arrived; answers how many distinct batches of the job are in. */
    public Uni<Integer> batchArrived(SqlClient client, UUID id, int number, int count, int items) {
        return client.preparedQuery("INSERT INTO analysis.job_batches (job_id, batch_number, batch_count, items) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING").execute(Tuple.of(id, number, count, items))
                .chain(() -> client.preparedQuery("UPDATE analysis.jobs SET batch_count = $2 WHERE id = $1")
                        .execute(Tuple.of(id, count)))
                .chain(() -> client.preparedQuery("SELECT count(*) AS n FROM analysis.job_batches WHERE job_id = $1")
                        .execute(Tuple.of(id)))
                .map(rows -> rows.iterator().next().getInteger("n"));
    }

    /** Jobs that stopped moving: nothing happened to them for longer than the timeout. */
    /**
     * The branch tip a sync job read, and whether it sent the whole history (batch 1's tree says both). A
     * job that has said so once stays a full one: the flag only ever turns on.
     */
    public Uni<Void> tip(SqlClient client, UUID jobId, String headSha, boolean fullHistory) {
        return client.preparedQuery("UPDATE analysis.jobs SET head_sha = $2, full_history = full_history OR $3 "
                + "WHERE id = $1").execute(Tuple.of(jobId, headSha, fullHistory)).replaceWithVoid();
    }

    public Uni<List<Job>> stalled(Instant before) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.jobs WHERE status IN ('queued', 'running') "
                + "AND greatest(created_at, coalesce(started_at, created_at), coalesce((SELECT max(received_at) "
                + "FROM analysis.job_batches b WHERE b.job_id = jobs.id), created_at)) < $1")
                .execute(Tuple.of(Sql.utc(before))).map(rows -> Sql.list(rows, JobRepository::map));
    }

    static Job map(Row row) {
        return new Job(row.getUUID("id"), row.getString("kind"), row.getUUID("repository_id"),
                row.getString("subject_login"), row.getString("status"), row.getInteger("progress"),
                row.getString("stage"), row.getLong("items_processed"), row.getLong("items_total"),
                Sql.instant(row, "since"), Sql.instant(row, "created_at"), Sql.instant(row, "started_at"),
                Sql.instant(row, "completed_at"), row.getString("error_message"), row.getInteger("batch_count"),
                row.getString("head_sha"), row.getBoolean("full_history"));
    }
}
