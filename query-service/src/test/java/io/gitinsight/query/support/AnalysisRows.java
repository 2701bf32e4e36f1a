package io.gitinsight.query.support;

import java.time.Instant;
import java.util.UUID;

/** Rows of analysis's other tables, one insert each; arguments in column order. */
public final class AnalysisRows {

    private AnalysisRows() {
    }

    public static UUID insight(UUID repositoryId, String type, Instant generatedAt, double confidence, String title,
            String... tags) {
        UUID id = UUID.randomUUID();
        Db.execute("""
                INSERT INTO analysis.insights (id, repository_id, type, title, description, confidence_score, data, tags,
                  model_version, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'rules-1', ?)""", id, repositoryId,
                type, title, "why: " + title, confidence, "{\"evidence\": [1, 2]}", tags, generatedAt);
        return id;
    }

    public static void point(UUID repositoryId, String metric, String interval, String kind, Instant t, double value,
            Double low, Double high) {
        Db.execute("""
                INSERT INTO analysis.metric_series (repository_id, metric, interval_name, kind, t, value, low, high)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", repositoryId, metric, interval, kind, t, value, low, high);
    }

    public static void contributor(UUID repositoryId, String login, boolean bot, int commits, double share) {
        Db.execute("""
                INSERT INTO analysis.contributors (repository_id, login, is_bot, commits, additions, deletions,
                  prs_opened, reviews_given, first_commit, last_commit, share)
                VALUES (?, ?, ?, ?, ?, ?, 2, 3, ?, ?, ?)""", repositoryId, login, bot, commits, commits * 10L,
                commits * 4L, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"), share);
    }

    public static void commit(UUID repositoryId, String sha, Instant authoredAt, String message, int additions,
            int deletions, boolean merge) {
        commit(repositoryId, sha, authoredAt, authoredAt, message, additions, deletions, merge);
    }

    /** A commit that landed ({@code committedAt}) later than it was written, as a rebase or a merge does. */
    public static void commit(UUID repositoryId, String sha, Instant authoredAt, Instant committedAt, String message,
            int additions, int deletions, boolean merge) {
        Db.execute("""
                INSERT INTO analysis.commits (repository_id, sha, parents, author_name, author_email, authored_at,
                  author_offset, committer_name, committer_email, committed_at, message, additions, deletions,
                  files_changed, is_merge)
                VALUES (?, ?, ?, 'Ada', 'ada@example.com', ?, 0, 'Ada', 'ada@example.com', ?, ?, ?, ?, 1, ?)""",
                repositoryId, sha, merge ? new String[] { "p1", "p2" } : new String[] { "p1" }, authoredAt, committedAt,
                message, additions, deletions, merge);
    }

    public static void deployment(UUID repositoryId, long id, String environment, Instant createdAt, String status,
            Instant finishedAt) {
        Db.execute("""
                INSERT INTO analysis.deployments (repository_id, id, environment, sha, created_at, status, finished_at)
                VALUES (?, ?, ?, 'abc', ?, ?, ?)""", repositoryId, id, environment, createdAt, status, finishedAt);
    }

    public static UUID job(UUID repositoryId, String status, String stage, int progress, Instant createdAt) {
        UUID id = UUID.randomUUID();
        Db.execute("""
                INSERT INTO analysis.jobs (id, kind, repository_id, status, stage, progress, items_processed, created_at,
                  completed_at) VALUES (?, 'repository', ?, ?, ?, ?, 40, ?, ?)""", id, repositoryId, status, stage,
                progress, createdAt, status.equals("completed") ? createdAt.plusSeconds(60) : null);
        return id;
    }

    public static void follow(UUID userId, UUID repositoryId) {
        Db.execute("INSERT INTO analysis.follows (user_id, repository_id) VALUES (?, ?)", userId, repositoryId);
    }
}
