package io.gitinsight.query.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.Overview;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The rollups of {@code /metrics/overview}, from the public repositories and their snapshots. */
@ApplicationScoped
public class OverviewRepository {

    /** A snapshot (of {@code analysis.metric_snapshots}) of a public repository: private ones are left out. */
    private static final String PUBLIC_SNAPSHOT = "NOT EXISTS (SELECT 1 FROM analysis.repositories p "
            + "WHERE p.id = repository_id AND p.is_private)";
    private static final String TOTALS = """
            WITH s AS (SELECT metrics FROM analysis.metric_snapshots WHERE window_name = 'all' AND %s)
            SELECT (SELECT count(*) FROM analysis.repositories WHERE NOT is_private) AS repositories,
                   (SELECT count(*) FROM analysis.repositories WHERE last_analyzed IS NOT NULL AND NOT is_private)
                     AS analyzed,
                   coalesce(sum((metrics ->> 'commit_count')::numeric), 0)::bigint AS commits,
                   coalesce(sum((metrics ->> 'loc')::numeric), 0)::bigint AS loc,
                   coalesce(sum((metrics ->> 'additions')::numeric), 0)::bigint AS additions,
                   coalesce(sum((metrics ->> 'deletions')::numeric), 0)::bigint AS deletions,
                   coalesce(sum((metrics #>> '{pull_requests,merged}')::numeric), 0)::bigint AS merged,
                   coalesce(sum((metrics ->> 'contributors')::numeric), 0)::bigint AS contributors
            FROM s""".formatted(PUBLIC_SNAPSHOT);
    private static final String LANGUAGES = """
            WITH repos AS (
              SELECT language, count(*) AS repositories FROM analysis.repositories
              WHERE language IS NOT NULL AND NOT is_private GROUP BY language),
            loc AS (
              SELECT l.key AS language, sum(l.value::numeric)::bigint AS loc
              FROM analysis.metric_snapshots s, jsonb_each_text(s.metrics -> 'loc_by_language') l
              WHERE s.window_name = 'all' AND jsonb_typeof(s.metrics -> 'loc_by_language') = 'object' AND %s
              GROUP BY l.key)
            SELECT coalesce(repos.language, loc.language) AS language, coalesce(repos.repositories, 0) AS repositories,
                   coalesce(loc.loc, 0) AS loc
            FROM repos FULL JOIN loc ON loc.language = repos.language
            ORDER BY loc DESC, repositories DESC, language""".formatted(PUBLIC_SNAPSHOT);
    private static final String MOST_ACTIVE = """
            SELECT r.id, r.full_name, r.language, (s.metrics ->> 'commit_count')::numeric::bigint AS commits
            FROM analysis.metric_snapshots s JOIN analysis.repositories r ON r.id = s.repository_id
            WHERE s.window_name = '90d' AND jsonb_typeof(s.metrics -> 'commit_count') = 'number' AND NOT r.is_private
            ORDER BY commits DESC, lower(r.full_name) LIMIT $1""";

    private final Pool pool;
    private final DbQueries queries;

    public OverviewRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<Overview.Totals> totals() {
        return queries.run("overview-totals", () -> pool.query(TOTALS).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Overview.Totals(row.getLong("repositories"), row.getLong("analyzed"), row.getLong("commits"),
                    row.getLong("loc"), row.getLong("additions"), row.getLong("deletions"), row.getLong("merged"),
                    row.getLong("contributors"));
        }));
    }

    public Uni<List<Overview.Language>> languages() {
        return queries.run("overview-languages", () -> pool.query(LANGUAGES).execute()
                .map(rows -> Rows.map(rows, row -> new Overview.Language(row.getString("language"),
                        row.getLong("repositories"), row.getLong("loc")))));
    }

    public Uni<List<Overview.Active>> mostActive(int limit) {
        return queries.run("overview-active", () -> pool.preparedQuery(MOST_ACTIVE)
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(limit))
                .map(rows -> Rows.map(rows, row -> new Overview.Active(row.getUUID("id"), row.getString("full_name"),
                        row.getString("language"), row.getLong("commits")))));
    }
}
