package io.gitinsight.query.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.WindowFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Computes the windowed figures of CONTRACT §4 from analysis's normalized facts for the window
 * {@code [start, end)} ({@code start} null for {@code all}), in one statement: the git figures over the
 * whole history up to {@code end} (CONTRACT §4: they always cover the whole history; the window moves only
 * their end), reverts and hotfixes that landed in the window (committer date, as analysis counts them: hotfix
 * PRs at their merge, merges of {@code hotfix/*} branches not already counted by their PR), pull-request medians
 * over the PRs merged in the window, DORA over the production deployments that finished in it. A PR is the unit of change for
 * lead time (its first commit to its
 * first production deployment, as analysis recorded it in {@code deployed_at}).
 */
@ApplicationScoped
public class WindowMetricsRepository {

    private static final String SQL = """
            WITH hist AS (
              SELECT * FROM analysis.commits WHERE repository_id = $1 AND authored_at < $3),
            reverts AS (
              SELECT committed_at AS at FROM analysis.commits
              WHERE repository_id = $1 AND (message LIKE 'Revert "%' OR message ~ 'This reverts commit [0-9a-f]{7,40}')),
            git AS (
              SELECT count(*) AS commit_count,
                     coalesce(sum(additions) FILTER (WHERE NOT is_merge), 0) AS additions,
                     coalesce(sum(deletions) FILTER (WHERE NOT is_merge), 0) AS deletions,
                     count(DISTINCT (authored_at AT TIME ZONE 'UTC')::date) AS active_days,
                     floor(extract(epoch FROM max(authored_at) - min(authored_at)) / 60)::bigint AS time_spent_minutes,
                     (SELECT count(*) FROM reverts WHERE at < $3 AND ($2::timestamptz IS NULL OR at >= $2)) AS reverts,
                     (SELECT min(authored_at) FROM analysis.commits WHERE repository_id = $1) AS first_commit
              FROM hist),
            hotfix_prs AS (
              SELECT number, merged_at AS at FROM analysis.pull_requests
              WHERE repository_id = $1 AND merged_at IS NOT NULL
                AND (is_hotfix OR head_ref ~* 'hotfix' OR title ~* 'hotfix')),
            hotfix_merges AS (
              SELECT committed_at AS at,
                     substring(message FROM '^Merge pull request #([0-9]+) from [^\\s/]+/hotfix/')::integer AS number
              FROM analysis.commits
              WHERE repository_id = $1 AND (message ~ '^Merge (remote-tracking )?branch ''([^''\\s]*/)?hotfix/[^'']*'''
                     OR message ~ '^Merge pull request #[0-9]+ from [^\\s/]+/hotfix/')),
            hotfixes AS (
              SELECT at FROM hotfix_prs
              UNION ALL
              SELECT m.at FROM hotfix_merges m
              WHERE m.number IS NULL OR NOT EXISTS (SELECT 1 FROM hotfix_prs p WHERE p.number = m.number)),
            merged AS (
              SELECT * FROM analysis.pull_requests
              WHERE repository_id = $1 AND merged_at < $3 AND ($2::timestamptz IS NULL OR merged_at >= $2)),
            prs AS (
              SELECT (SELECT count(*) FROM analysis.pull_requests WHERE repository_id = $1 AND created_at < $3
                        AND ($2::timestamptz IS NULL OR created_at >= $2)) AS opened,
                     count(*) AS merged,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY cycle_time_hours) AS cycle,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY time_to_first_review_hours) AS first_review,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY review_hours) AS review,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY coding_hours) AS coding,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY pickup_hours) AS pickup,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY deploy_hours) AS deploy,
                     (SELECT count(*) FROM hotfixes WHERE at < $3 AND ($2::timestamptz IS NULL OR at >= $2)) AS hotfixes
              FROM merged),
            prod AS (
              SELECT d.*, coalesce(d.finished_at, d.created_at) AS done_at,
                     lead(d.created_at) OVER (ORDER BY d.created_at, d.id) AS next_created
              FROM analysis.deployments d
              WHERE d.repository_id = $1 AND lower(d.environment) = lower($4) AND d.status IS NOT NULL),
            decided AS (
              SELECT p.*,
                     p.status = 'success' AND (
                       EXISTS (SELECT 1 FROM reverts r WHERE r.at > p.done_at
                               AND (p.next_created IS NULL OR r.at < p.next_created))
                       OR EXISTS (SELECT 1 FROM hotfixes h WHERE h.at > p.done_at
                               AND (p.next_created IS NULL OR h.at < p.next_created))) AS fixed_after,
                     (SELECT min(n.done_at) FROM prod n WHERE n.status = 'success' AND n.created_at > p.created_at)
                       AS recovered_at
              FROM prod p WHERE p.done_at < $3 AND ($2::timestamptz IS NULL OR p.done_at >= $2)),
            dora AS (
              SELECT count(*) FILTER (WHERE status = 'success') AS succeeded, count(*) AS total,
                     count(*) FILTER (WHERE status <> 'success' OR fixed_after) AS failed_or_fixed,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recovered_at - done_at) / 3600)
                       FILTER (WHERE status <> 'success' AND recovered_at IS NOT NULL) AS mttr
              FROM decided),
            lead AS (
              SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM deployed_at - first_commit_at) / 3600)
                       AS lead_time
              FROM analysis.pull_requests
              WHERE repository_id = $1 AND deployed_at IS NOT NULL AND first_commit_at IS NOT NULL
                AND deployed_at < $3 AND ($2::timestamptz IS NULL OR deployed_at >= $2))
            SELECT git.*, prs.*, dora.*, lead.lead_time,
                   extract(epoch FROM $3 - coalesce($2, git.first_commit)) / 604800 AS weeks
            FROM git, prs, dora, lead""";

    private final Pool pool;
    private final DbQueries queries;
    private final String production;

    public WindowMetricsRepository(Pool pool, DbQueries queries, QueryConfig config) {
        this.pool = pool;
        this.queries = queries;
        this.production = config.productionEnvironment();
    }

    public Uni<WindowFigures> compute(UUID repositoryId, Instant start, Instant end) {
        return queries.run("window-metrics", () -> pool.preparedQuery(SQL)
                .execute(Tuple.of(repositoryId, Rows.param(start), Rows.param(end), production))
                .map(rows -> figures(rows.iterator().next())));
    }

    private static WindowFigures figures(Row row) {
        return new WindowFigures(row.getLong("commit_count"), row.getLong("additions"), row.getLong("deletions"),
                row.getLong("active_days"), row.getLong("time_spent_minutes"), row.getLong("reverts"),
                row.getLong("opened"), row.getLong("merged"), row.getDouble("cycle"), row.getDouble("first_review"),
                row.getDouble("review"), row.getDouble("coding"), row.getDouble("pickup"), row.getDouble("deploy"),
                row.getLong("hotfixes"), row.getLong("succeeded"), row.getLong("total"), row.getLong("failed_or_fixed"),
                row.getDouble("lead_time"), row.getDouble("mttr"), row.getDouble("weeks"));
    }
}
