package io.gitinsight.query.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.PullRequestFilter;
import io.gitinsight.query.domain.PullRequestView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.pull_requests} with the phases analysis computed, newest first. */
@ApplicationScoped
public class PullRequestRepository {

    private static final String SQL = """
            WITH filtered AS (
              SELECT * FROM analysis.pull_requests p
              WHERE p.repository_id = $1 AND ($2::text IS NULL OR p.state = $2)
                AND ($3::text IS NULL OR lower(p.author) = lower($3)))
            SELECT EXISTS (SELECT 1 FROM analysis.repositories WHERE id = $1) AS found, t.total, p.*
            FROM (SELECT count(*) AS total FROM filtered) t
            LEFT JOIN LATERAL (SELECT * FROM filtered ORDER BY created_at DESC, number DESC LIMIT $4 OFFSET $5) p
              ON true""";

    private final Pool pool;
    private final DbQueries queries;

    public PullRequestRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** A page of pull requests; empty when the repository does not exist. */
    public Uni<Optional<Page<PullRequestView>>> page(UUID repositoryId, PullRequestFilter filter, PageRequest page) {
        Tuple params = Tuple.of(repositoryId, filter.state(), filter.author(), page.pageSize(), page.offset());
        return queries.run("pulls", () -> pool.preparedQuery(SQL).execute(params).map(rows -> {
            Row first = rows.iterator().next();
            if (!first.getBoolean("found")) {
                return Optional.empty();
            }
            List<PullRequestView> data = Rows.map(rows, row -> row.getInteger("number") == null ? null : view(row))
                    .stream().filter(java.util.Objects::nonNull).toList();
            return Optional.of(Page.of(data, first.getLong("total"), page));
        }));
    }

    private static PullRequestView view(Row row) {
        return new PullRequestView(row.getInteger("number"), row.getString("title"), row.getString("author"),
                row.getString("state"), row.getBoolean("draft"), row.getString("head_ref"), row.getString("base_ref"),
                Rows.instant(row, "created_at"), Rows.instant(row, "merged_at"), Rows.instant(row, "closed_at"),
                row.getInteger("additions"), row.getInteger("deletions"), row.getBoolean("is_hotfix"),
                row.getDouble("cycle_time_hours"), row.getDouble("time_to_first_review_hours"),
                new PullRequestView.Phases(row.getDouble("coding_hours"), row.getDouble("pickup_hours"),
                        row.getDouble("review_hours"), row.getDouble("deploy_hours")));
    }
}
