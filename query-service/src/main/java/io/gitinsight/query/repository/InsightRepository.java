package io.gitinsight.query.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.InsightFilter;
import io.gitinsight.query.domain.InsightView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.insights}, newest first: pages, keyset batches for the export, and counts. */
@ApplicationScoped
public class InsightRepository {

    private static final String COLUMNS = """
            i.id, i.repository_id, i.type, i.title, i.description, i.confidence_score, i.data::text AS data,
            i.generated_at, i.model_version, i.tags""";
    private static final String FILTER = "($2::text IS NULL OR i.type = $2) AND ($3::timestamptz IS NULL OR i.generated_at >= $3)";

    private final Pool pool;
    private final DbQueries queries;

    public InsightRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** A page of a repository's insights; empty when the repository does not exist. */
    public Uni<Optional<Page<InsightView>>> page(UUID repositoryId, InsightFilter filter, PageRequest page) {
        String sql = """
                WITH filtered AS (SELECT i.* FROM analysis.insights i WHERE i.repository_id = $1 AND %s)
                SELECT EXISTS (SELECT 1 FROM analysis.repositories WHERE id = $1) AS found, t.total, p.*
                FROM (SELECT count(*) AS total FROM filtered) t
                LEFT JOIN LATERAL (SELECT %s FROM filtered i ORDER BY i.generated_at DESC, i.id DESC
                                   LIMIT $4 OFFSET $5) p ON true""".formatted(FILTER, COLUMNS);
        Tuple params = Tuple.of(repositoryId, filter.type(), Rows.param(filter.since()), page.pageSize(), page.offset());
        return queries.run("insights", () -> pool.preparedQuery(sql).execute(params).map(rows -> {
            Row first = rows.iterator().next();
            if (!first.getBoolean("found")) {
                return Optional.empty();
            }
            List<InsightView> data = Rows.map(rows, row -> row.getUUID("id") == null ? null : view(row)).stream()
                    .filter(java.util.Objects::nonNull).toList();
            return Optional.of(Page.of(data, first.getLong("total"), page));
        }));
    }

    /**
     * The next {@code limit} insights after the cursor ({@code generated_at}, {@code id}) in export order,
     * or the first ones for a null cursor; the export reads batch after batch so that it never holds a
     * repository's insights in memory at once.
     */
    public Uni<List<InsightView>> batch(UUID repositoryId, InsightFilter filter, Instant afterAt, UUID afterId, int limit) {
        String sql = """
                SELECT %s FROM analysis.insights i WHERE i.repository_id = $1 AND %s
                  AND ($4::timestamptz IS NULL OR (i.generated_at, i.id) < ($4, $5))
                ORDER BY i.generated_at DESC, i.id DESC LIMIT $6""".formatted(COLUMNS, FILTER);
        return queries.run("insights-export", () -> pool.preparedQuery(sql)
                .execute(Tuple.from(new Object[] { repositoryId, filter.type(), Rows.param(filter.since()),
                        Rows.param(afterAt), afterId, limit }))
                .map(rows -> Rows.map(rows, InsightRepository::view)));
    }

    /** The newest {@code limit} insights of a repository and how many it has, for the summary. */
    public Uni<Latest> latest(UUID repositoryId, int limit) {
        String sql = """
                SELECT (SELECT count(*) FROM analysis.insights WHERE repository_id = $1) AS total, p.*
                FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT %s FROM analysis.insights i WHERE i.repository_id = $1
                      ORDER BY i.generated_at DESC, i.id DESC LIMIT $2) p ON true""".formatted(COLUMNS);
        return queries.run("insights-latest", () -> pool.preparedQuery(sql).execute(Tuple.of(repositoryId, limit))
                .map(rows -> new Latest(rows.iterator().next().getLong("total"),
                        Rows.map(rows, row -> row.getUUID("id") == null ? null : view(row)).stream()
                                .filter(java.util.Objects::nonNull).toList())));
    }

    private static InsightView view(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new InsightView(row.getUUID("id"), row.getUUID("repository_id"), row.getString("type"),
                row.getString("title"), row.getString("description"), row.getDouble("confidence_score"),
                row.getString("data"), Rows.instant(row, "generated_at"), row.getString("model_version"),
                tags == null ? List.of() : List.of(tags));
    }

    /** A repository's newest insights and its total count. */
    public record Latest(long total, List<InsightView> insights) {
    }
}
