package io.gitinsight.query.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.RepositoryBrief;
import io.gitinsight.query.domain.RepositoryFilter;
import io.gitinsight.query.domain.RepositoryView;
import io.gitinsight.query.domain.Viewer;
import io.gitinsight.query.domain.Visibility;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.repositories}: one repository, the filtered list, and names for ranked lists. */
@ApplicationScoped
public class RepositoryRepository {

    static final String COLUMNS = """
            r.id, r.github_id, r.name, r.full_name, r.description, r.url, r.clone_url, r.language, r.stars, r.forks,
            r.watchers, r.size_kb, r.created_at, r.updated_at, r.last_analyzed, r.analysis_status, r.owner""";
    /** The text that {@code repositories_search_idx} (trigram GIN) indexes. */
    static final String SEARCH_TEXT = "(lower(r.full_name) || ' ' || coalesce(lower(r.description), ''))";

    private final Pool pool;
    private final DbQueries queries;

    public RepositoryRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<Optional<RepositoryView>> find(UUID id) {
        return queries.run("repository", () -> pool
                .preparedQuery("SELECT " + COLUMNS + " FROM analysis.repositories r WHERE r.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next()))));
    }

    /** Whether the repository is private and, if so, who follows it; public when there is no such repository. */
    public Uni<Visibility> visibility(UUID id) {
        return queries.run("repository-visibility", () -> pool.preparedQuery("""
                SELECT r.is_private, array_remove(array_agg(f.user_id), NULL) AS followers
                FROM analysis.repositories r LEFT JOIN analysis.follows f ON r.is_private AND f.repository_id = r.id
                WHERE r.id = $1 GROUP BY r.id""").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Visibility.PUBLIC;
            }
            Row row = rows.iterator().next();
            return new Visibility(row.getBoolean("is_private"), Set.of(row.getArrayOfUUIDs("followers")));
        }));
    }

    /**
     * A page of the repositories {@code viewer} may see; the total comes from the same statement, also for a page
     * past the end.
     */
    public Uni<Page<RepositoryView>> list(RepositoryFilter filter, PageRequest page, Viewer viewer) {
        String sql = """
                WITH filtered AS (
                  SELECT * FROM analysis.repositories r
                  WHERE (NOT r.is_private OR $5 OR r.id = ANY($6)) AND ($1::text IS NULL OR %s LIKE $1)
                    AND ($2::text IS NULL OR lower(r.language) = lower($2)))
                SELECT t.total, p.* FROM (SELECT count(*) AS total FROM filtered) t
                LEFT JOIN LATERAL (SELECT %s FROM filtered r ORDER BY %s LIMIT $3 OFFSET $4) p ON true
                """.formatted(SEARCH_TEXT, COLUMNS, filter.sort().orderBy());
        Tuple params = Tuple.of(filter.q() == null ? null : Rows.contains(filter.q()), filter.language(),
                page.pageSize(), page.offset(), viewer.admin(), viewer.privateIds());
        return queries.run("repositories", () -> pool.preparedQuery(sql).execute(params).map(rows -> {
            long total = rows.iterator().next().getLong("total");
            List<RepositoryView> data = Rows.map(rows, row -> row.getUUID("id") == null ? null : view(row)).stream()
                    .filter(java.util.Objects::nonNull).toList();
            return Page.of(data, total, page);
        }));
    }

    /** Names and headline facts of the given repositories; ids that no longer exist are absent. */
    public Uni<Map<UUID, RepositoryBrief>> briefs(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return queries.run("repository-briefs", () -> pool.preparedQuery(
                "SELECT id, full_name, description, language, stars, is_private FROM analysis.repositories WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> Rows.map(rows, RepositoryRepository::brief).stream()
                        .collect(Collectors.toMap(RepositoryBrief::id, Function.identity()))));
    }

    /** Our id for a repository named by GitHub (id first, then full name, case-insensitively). */
    public Uni<Optional<UUID>> idOf(Long githubId, String fullName) {
        return queries.run("repository-id", () -> pool.preparedQuery("""
                SELECT id FROM analysis.repositories
                WHERE github_id = $1 OR lower(full_name) = lower($2)
                ORDER BY (github_id = $1) IS TRUE DESC LIMIT 1""").execute(Tuple.of(githubId, fullName))
                .map(rows -> rows.size() == 0 ? Optional.<UUID> empty()
                        : Optional.of(rows.iterator().next().getUUID("id"))));
    }

    static RepositoryBrief brief(Row row) {
        return new RepositoryBrief(row.getUUID("id"), row.getString("full_name"), row.getString("description"),
                row.getString("language"), row.getInteger("stars"), row.getBoolean("is_private"));
    }

    static RepositoryView view(Row row) {
        return new RepositoryView(row.getUUID("id"), row.getLong("github_id"), row.getString("name"),
                row.getString("full_name"), row.getString("description"), row.getString("url"),
                row.getString("clone_url"), row.getString("language"), row.getInteger("stars"),
                row.getInteger("forks"), row.getInteger("watchers"), row.getLong("size_kb"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), Rows.instant(row, "last_analyzed"),
                row.getString("analysis_status"), row.getString("owner"));
    }
}
