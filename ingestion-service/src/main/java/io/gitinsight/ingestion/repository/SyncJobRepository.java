package io.gitinsight.ingestion.repository;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sync jobs and the head each repository was last synced at. */
@ApplicationScoped
public class SyncJobRepository {

    public record SyncState(String branch, String headSha) {
    }

    private final Pool pool;

    public SyncJobRepository(Pool pool) {
        this.pool = pool;
    }

    /** Starts a job unless it ran to completion before (a redelivered request): answers whether to run. */
    public Uni<Boolean> start(UUID jobId, UUID repositoryId) {
        return pool.preparedQuery("INSERT INTO ingestion.sync_jobs (job_id, repository_id, status, stage) "
                + "VALUES ($1, $2, 'running', 'queued') ON CONFLICT (job_id) DO UPDATE SET status = 'running', "
                + "stage = 'queued', error_message = NULL, started_at = now(), finished_at = NULL "
                + "WHERE ingestion.sync_jobs.status <> 'completed'").execute(Tuple.of(jobId, repositoryId))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> stage(UUID jobId, String stage, Map<String, Long> accounting) {
        return pool.preparedQuery("UPDATE ingestion.sync_jobs SET stage = $2, accounting = $3 WHERE job_id = $1")
                .execute(Tuple.of(jobId, stage, new JsonObject(Map.copyOf(accounting)))).replaceWithVoid();
    }

    public Uni<Void> finish(UUID jobId, String status, int items, String error, Map<String, Long> accounting) {
        return pool.preparedQuery("UPDATE ingestion.sync_jobs SET status = $2, stage = $2, items = $3, "
                + "error_message = $4, accounting = $5, finished_at = now() WHERE job_id = $1")
                .execute(Tuple.of(jobId, status, items, error, new JsonObject(Map.copyOf(accounting))))
                .replaceWithVoid();
    }

    public Uni<SyncState> state(UUID repositoryId) {
        return pool.preparedQuery("SELECT branch, head_sha FROM ingestion.sync_state WHERE repository_id = $1")
                .execute(Tuple.of(repositoryId)).map(rows -> rows.size() == 0 ? null
                        : new SyncState(rows.iterator().next().getString("branch"),
                                rows.iterator().next().getString("head_sha")));
    }

    /** {@code requestedBy}: whose GitHub token a push's fetch of this mirror uses (null: the server's). */
    public Uni<Void> saveState(UUID repositoryId, String fullName, String cloneUrl, String branch, String headSha,
            UUID requestedBy) {
        return pool.preparedQuery("INSERT INTO ingestion.sync_state (repository_id, full_name, clone_url, branch, "
                + "head_sha, synced_at, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (repository_id) "
                + "DO UPDATE SET full_name = EXCLUDED.full_name, clone_url = EXCLUDED.clone_url, branch = EXCLUDED.branch, "
                + "head_sha = EXCLUDED.head_sha, synced_at = EXCLUDED.synced_at, requested_by = EXCLUDED.requested_by")
                .execute(Tuple.tuple().addUUID(repositoryId).addString(fullName).addString(cloneUrl).addString(branch)
                        .addString(headSha).addOffsetDateTime(java.time.Instant.now().atOffset(ZoneOffset.UTC))
                        .addUUID(requestedBy))
                .replaceWithVoid();
    }

    /** The synced repositories with this full name (GitHub names are case-insensitive). */
    public Uni<java.util.List<Mirrored>> mirroredAs(String fullName) {
        return pool.preparedQuery("SELECT repository_id, clone_url, requested_by FROM ingestion.sync_state "
                + "WHERE lower(full_name) = lower($1) AND clone_url IS NOT NULL").execute(Tuple.of(fullName))
                .map(rows -> {
                    java.util.List<Mirrored> found = new java.util.ArrayList<>();
                    rows.forEach(row -> found.add(new Mirrored(row.getUUID("repository_id"), row.getString("clone_url"),
                            row.getUUID("requested_by"))));
                    return found;
                });
    }

    /** A repository ingestion keeps a mirror of, and who asked for its last sync. */
    public record Mirrored(UUID repositoryId, String cloneUrl, UUID requestedBy) {
    }
}
