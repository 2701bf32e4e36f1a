package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.domain.TrackedRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tracked repositories. */
@ApplicationScoped
public class TrackedRepositoryRepository {

    static final String COLUMNS = "id, github_id, name, full_name, owner, description, url, clone_url, language, "
            + "stars, forks, watchers, size_kb, default_branch, created_at, updated_at, last_analyzed, "
            + "analysis_status, analysis_interval_hours, webhook_enabled, analyzed_head_sha, added_by, is_private";

    private final Pool pool;

    public TrackedRepositoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts unless the full name is taken; answers the stored row, or null when it was taken. */
    public Uni<TrackedRepository> insert(SqlClient client, TrackedRepository r, UUID addedBy) {
        return client.preparedQuery("INSERT INTO analysis.repositories (id, github_id, name, full_name, owner, "
                + "description, url, clone_url, language, stars, forks, watchers, size_kb, default_branch, created_at, "
                + "updated_at, added_by, is_private) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
                + "$17, $18) "
                + "ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] { r.id(), r.githubId(), r.name(), r.fullName(), r.owner(),
                        r.description(), r.url(), r.cloneUrl(), r.language(), r.stars(), r.forks(), r.watchers(),
                        r.sizeKb(), r.defaultBranch(), Sql.utc(r.createdAt()), Sql.utc(r.updatedAt()), addedBy,
                        r.isPrivate() }))
                .map(rows -> Sql.first(rows, TrackedRepositoryRepository::map));
    }

    public Uni<TrackedRepository> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.repositories WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> Sql.first(rows, TrackedRepositoryRepository::map));
    }

    public Uni<TrackedRepository> findByFullName(String fullName) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.repositories WHERE lower(full_name) = lower($1)")
                .execute(Tuple.of(fullName)).map(rows -> Sql.first(rows, TrackedRepositoryRepository::map));
    }

    /** Lowercased full name → id, for those of the names that are tracked. */
    public Uni<java.util.Map<String, String>> idsByFullName(List<String> fullNames) {
        String[] lowered = fullNames.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
        return pool
                .preparedQuery("SELECT lower(full_name) AS n, id FROM analysis.repositories WHERE lower(full_name) = ANY($1)")
                .execute(Tuple.of(lowered)).map(rows -> {
                    java.util.Map<String, String> ids = new java.util.TreeMap<>();
                    rows.forEach(row -> ids.put(row.getString("n"), row.getUUID("id").toString()));
                    return ids;
                });
    }

    public Uni<TrackedRepository> findByGithubId(long githubId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.repositories WHERE github_id = $1")
                .execute(Tuple.of(githubId)).map(rows -> Sql.first(rows, TrackedRepositoryRepository::map));
    }

    public Uni<TrackedRepository> updateSettings(UUID id, String defaultBranch, Integer intervalHours,
            Boolean webhookEnabled) {
        return pool.preparedQuery("UPDATE analysis.repositories SET default_branch = coalesce($2, default_branch), "
                + "analysis_interval_hours = coalesce($3, analysis_interval_hours), "
                + "webhook_enabled = coalesce($4, webhook_enabled) WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, defaultBranch, intervalHours, webhookEnabled))
                .map(rows -> Sql.first(rows, TrackedRepositoryRepository::map));
    }

    /** Deletes the repository and, by cascade, everything analysis stored about it. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM analysis.repositories WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> status(SqlClient client, UUID id, String status) {
        return client.preparedQuery("UPDATE analysis.repositories SET analysis_status = $2 WHERE id = $1")
                .execute(Tuple.of(id, status)).replaceWithVoid();
    }

    /** GitHub's metadata as the last sync saw it; answers whether the repository turned private or public. */
    public Uni<Boolean> refreshMetadata(SqlClient client, UUID id, Metadata m) {
        // the CTE reads the row as it was before this statement changed it
        return client.preparedQuery("WITH before AS (SELECT is_private FROM analysis.repositories WHERE id = $1) "
                + "UPDATE analysis.repositories SET github_id = coalesce($2, github_id), "
                + "description = $3, url = coalesce($4, url), language = $5, stars = $6, forks = $7, watchers = $8, "
                + "size_kb = $9, default_branch = coalesce(default_branch, $10), created_at = $11, updated_at = $12, "
                + "pushed_at = $13, is_private = $14, languages = $15 WHERE id = $1 "
                + "RETURNING is_private IS DISTINCT FROM (SELECT is_private FROM before) AS flipped")
                .execute(Tuple.from(new Object[] { id, m.githubId(), m.description(), m.url(), m.language(), m.stars(),
                        m.forks(), m.watchers(), m.sizeKb(), m.defaultBranch(), Sql.utc(m.createdAt()),
                        Sql.utc(m.updatedAt()), Sql.utc(m.pushedAt()), m.isPrivate(), m.languages() }))
                .map(rows -> Boolean.TRUE.equals(Sql.first(rows, row -> row.getBoolean("flipped"))));
    }

    /** What a sync reports about a repository; {@code languages} is GitHub's bytes per language. */
    public record Metadata(Long githubId, String description, String url, String language, int stars, int forks,
            int watchers, long sizeKb, String defaultBranch, Instant createdAt, Instant updatedAt, Instant pushedAt,
            boolean isPrivate, io.vertx.core.json.JsonObject languages) {
    }

    public Uni<Void> analyzed(SqlClient client, UUID id, Instant at, String headSha) {
        return client.preparedQuery("UPDATE analysis.repositories SET analysis_status = 'completed', "
                + "last_analyzed = $2, analyzed_head_sha = coalesce($3, analyzed_head_sha) WHERE id = $1")
                .execute(Tuple.of(id, Sql.utc(at), headSha)).replaceWithVoid();
    }

    /** Repositories whose interval has passed since their last analysis, oldest first, with no job running. */
    public Uni<List<TrackedRepository>> due(Instant now, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analysis.repositories r WHERE r.last_analyzed IS NOT NULL "
                + "AND r.last_analyzed + r.analysis_interval_hours * interval '1 hour' <= $1 AND NOT EXISTS "
                + "(SELECT 1 FROM analysis.jobs j WHERE j.repository_id = r.id AND j.status IN ('queued', 'running')) "
                + "ORDER BY r.last_analyzed LIMIT $2").execute(Tuple.of(Sql.utc(now), limit))
                .map(rows -> Sql.list(rows, TrackedRepositoryRepository::map));
    }

    static TrackedRepository map(Row row) {
        return new TrackedRepository(row.getUUID("id"), row.getLong("github_id"), row.getString("name"),
                row.getString("full_name"), row.getString("owner"), row.getString("description"), row.getString("url"),
                row.getString("clone_url"), row.getString("language"), row.getInteger("stars"), row.getInteger("forks"),
                row.getInteger("watchers"), row.getLong("size_kb"), row.getString("default_branch"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "last_analyzed"),
                row.getString("analysis_status"), row.getInteger("analysis_interval_hours"),
                row.getBoolean("webhook_enabled"), row.getString("analyzed_head_sha"), row.getUUID("added_by"),
                row.getBoolean("is_private"));
    }
}
