package io.gitinsight.query.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.ContributorView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.contributors}: the people of a repository (bots are counted apart, not listed). */
@ApplicationScoped
public class ContributorRepository {

    private static final String SQL = """
            SELECT c.login, c.commits, c.additions, c.deletions, c.prs_opened, c.reviews_given, c.first_commit,
                   c.last_commit, c.share
            FROM analysis.repositories r
            LEFT JOIN analysis.contributors c ON c.repository_id = r.id AND NOT c.is_bot
            WHERE r.id = $1
            ORDER BY c.commits DESC, lower(c.login)""";

    private final Pool pool;
    private final DbQueries queries;

    public ContributorRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** Most commits first; empty when the repository does not exist. */
    public Uni<Optional<List<ContributorView>>> list(UUID repositoryId) {
        return queries.run("contributors", () -> pool.preparedQuery(SQL).execute(Tuple.of(repositoryId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(Rows.map(rows, row -> row.getString("login") == null ? null : view(row)).stream()
                    .filter(java.util.Objects::nonNull).toList());
        }));
    }

    private static ContributorView view(Row row) {
        return new ContributorView(row.getString("login"), row.getInteger("commits"), row.getLong("additions"),
                row.getLong("deletions"), row.getInteger("prs_opened"), row.getInteger("reviews_given"),
                Rows.instant(row, "first_commit"), Rows.instant(row, "last_commit"), row.getDouble("share"));
    }
}
