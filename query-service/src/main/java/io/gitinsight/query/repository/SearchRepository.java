package io.gitinsight.query.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.SearchHit;
import io.gitinsight.query.domain.Viewer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Repository search over name and description with pg_trgm: substring matches first, then fuzzy ones
 * (a typo still finds the repository), each ranked by word similarity and stars. Both predicates are
 * answered by the trigram GIN index {@code repositories_search_idx}.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String TEXT = RepositoryRepository.SEARCH_TEXT;
    private static final String SQL = """
            SELECT r.id, r.full_name, r.description, r.language, r.stars,
                   word_similarity($1, %1$s) AS score, %1$s LIKE $2 AS exact
            FROM analysis.repositories r
            WHERE (NOT r.is_private OR $5 OR r.id = ANY($6)) AND (%1$s LIKE $2 OR $1 <%% %1$s) AND ($3::text IS NULL OR lower(r.language) = lower($3))
            ORDER BY exact DESC, score DESC, r.stars DESC, lower(r.full_name)
            LIMIT $4"""
            .formatted(TEXT);

    private final Pool pool;
    private final DbQueries queries;

    public SearchRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** The best matches among the repositories {@code viewer} may see. */
    public Uni<List<SearchHit>> search(String q, String language, int limit, Viewer viewer) {
        String text = q.toLowerCase(java.util.Locale.ROOT);
        return queries.run("search", () -> pool.preparedQuery(SQL)
                .execute(Tuple.of(text, Rows.contains(text), language, limit, viewer.admin(), viewer.privateIds()))
                .map(rows -> Rows.map(rows, row -> new SearchHit(row.getUUID("id"), row.getString("full_name"),
                        row.getString("description"), row.getString("language"), row.getInteger("stars"),
                        Math.round(row.getDouble("score") * 1000.0) / 1000.0))));
    }
}
