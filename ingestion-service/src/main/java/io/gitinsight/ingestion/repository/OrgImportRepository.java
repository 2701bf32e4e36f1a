package io.gitinsight.ingestion.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.domain.DiscoveredRepository;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.ingestion.domain.OrgImport;
import io.gitinsight.ingestion.domain.OrgMember;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Org imports: claiming one (the row is the lock, so two replicas never import an organization at once),
 * and completing it by replacing the organization's repositories and members in one transaction.
 */
@ApplicationScoped
public class OrgImportRepository {

    static final String COLUMNS = "org, login, github_id, attempt_id, status, started_by, started_at, error_message, "
            + "imported_at, imported_by, token_source";

    private final Pool pool;

    public OrgImportRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Starts attempt {@code attemptId} unless another is running and younger than {@code staleBefore}.
     * Answers the import as it now stands: this attempt when it was claimed, the running one otherwise.
     */
    public Uni<OrgImport> claim(String org, String login, long githubId, UUID attemptId, UUID startedBy,
            Instant staleBefore) {
        return pool.preparedQuery("INSERT INTO ingestion.org_imports (org, login, github_id, attempt_id, status, "
                + "started_by, started_at) VALUES ($1, $2, $3, $4, 'running', $5, now()) ON CONFLICT (org) DO UPDATE "
                + "SET login = EXCLUDED.login, github_id = EXCLUDED.github_id, attempt_id = EXCLUDED.attempt_id, "
                + "status = 'running', started_by = EXCLUDED.started_by, started_at = EXCLUDED.started_at, "
                + "error_message = NULL WHERE ingestion.org_imports.status <> 'running' "
                + "OR ingestion.org_imports.started_at < $6 RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addString(org).addString(login).addLong(githubId).addUUID(attemptId)
                        .addUUID(startedBy).addOffsetDateTime(staleBefore.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() == 1 ? Uni.createFrom().item(map(rows.iterator().next())) : find(org));
    }

    public Uni<OrgImport> find(String org) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ingestion.org_imports WHERE org = $1")
                .execute(Tuple.of(org)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /**
     * Replaces the organization's lists with what attempt {@code attemptId} found, unless a newer attempt
     * took the import over meanwhile. Answers whether the lists were written.
     */
    public Uni<Boolean> complete(String org, UUID attemptId, GitHubCredentials.Source source,
            List<DiscoveredRepository> repositories, List<OrgMember> members) {
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE ingestion.org_imports SET status = 'completed', "
                + "imported_at = now(), imported_by = started_by, token_source = $3, error_message = NULL "
                + "WHERE org = $1 AND attempt_id = $2").execute(Tuple.of(org, attemptId, source.value()))
                .chain(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(false)
                        : replace(tx, org, repositories, members).replaceWith(true)));
    }

    public Uni<Void> fail(String org, UUID attemptId, String message) {
        return pool.preparedQuery("UPDATE ingestion.org_imports SET status = 'failed', error_message = $3 "
                + "WHERE org = $1 AND attempt_id = $2").execute(Tuple.of(org, attemptId, message)).replaceWithVoid();
    }

    private static Uni<Void> replace(SqlClient tx, String org, List<DiscoveredRepository> repositories,
            List<OrgMember> members) {
        Uni<Void> clear = tx.preparedQuery("DELETE FROM ingestion.org_repositories WHERE org = $1").execute(Tuple.of(org))
                .chain(() -> tx.preparedQuery("DELETE FROM ingestion.org_members WHERE org = $1").execute(Tuple.of(org)))
                .replaceWithVoid();
        Uni<Void> repos = repositories.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("INSERT INTO ingestion.org_repositories (org, github_id, name, full_name, description, "
                        + "url, clone_url, language, stars, forks, private, default_branch, updated_at) VALUES ($1, $2, "
                        + "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                        .executeBatch(repositories.stream().map(r -> Tuple.tuple().addString(org).addLong(r.githubId())
                                .addString(r.name()).addString(r.fullName()).addString(r.description())
                                .addString(r.url()).addString(r.cloneUrl()).addString(r.language()).addLong(r.stars())
                                .addLong(r.forks()).addBoolean(r.isPrivate()).addString(r.defaultBranch())
                                .addOffsetDateTime(r.updatedAt() == null ? null : r.updatedAt().atOffset(ZoneOffset.UTC)))
                                .toList())
                        .replaceWithVoid();
        Uni<Void> people = members.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("INSERT INTO ingestion.org_members (org, github_id, login, avatar_url, role, public) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                        .executeBatch(members.stream().map(m -> Tuple.tuple().addString(org).addLong(m.githubId())
                                .addString(m.login()).addString(m.avatarUrl()).addString(m.role())
                                .addBoolean(m.isPublic())).toList())
                        .replaceWithVoid();
        return clear.chain(() -> repos).chain(() -> people);
    }

    static OrgImport map(Row row) {
        return new OrgImport(row.getString("org"), row.getString("login"), row.getLong("github_id"),
                row.getUUID("attempt_id"), row.getString("status"), row.getUUID("started_by"),
                instant(row.getOffsetDateTime("started_at")), row.getString("error_message"),
                instant(row.getOffsetDateTime("imported_at")), row.getUUID("imported_by"), row.getString("token_source"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
