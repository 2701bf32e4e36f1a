package io.gitinsight.analysis.repository;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.Issue;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;
import io.gitinsight.analysis.metrics.model.Review;
import io.gitinsight.analysis.metrics.model.SourceFile;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores the normalized facts of a repository. Every write is keyed by the fact's own identity (sha,
 * number, GitHub id), so a redelivered batch rewrites the same rows and changes nothing; commits never
 * change, the rest is replaced by the newer view. Rows travel as one JSON array per statement
 * ({@code jsonb_to_recordset}): one round trip per kind and batch, whatever its size.
 */
@ApplicationScoped
public class FactRepository {

    /**
     * A sync job's commits; one stored before is marked as seen by this job again (see
     * {@link #forgetCommitsNotSeenBy}).
     */
    public Uni<Void> commits(SqlClient client, UUID repositoryId, UUID jobId, List<Commit> commits) {
        if (commits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        JsonArray files = new JsonArray();
        for (Commit c : commits) {
            int additions = 0;
            int deletions = 0;
            for (FileChange f : c.files()) {
                additions += f.additions();
                deletions += f.deletions();
                files.add(new JsonObject().put("sha", c.sha()).put("path", f.path()).put("old_path", f.oldPath())
                        .put("additions", f.additions()).put("deletions", f.deletions()).put("is_binary", f.binary()));
            }
            JsonArray coAuthors = new JsonArray();
            c.coAuthors().forEach(a -> coAuthors.add(identity(a)));
            rows.add(new JsonObject().put("sha", c.sha()).put("parents", new JsonArray(c.parents()))
                    .put("author_name", c.author().name()).put("author_email", c.author().email())
                    .put("authored_at", c.authoredAt().toInstant().toString())
                    .put("author_offset", c.authoredAt().getOffset().getTotalSeconds() / 60)
                    .put("committer_name", c.committer().name()).put("committer_email", c.committer().email())
                    .put("committed_at", c.committedAt().toInstant().toString()).put("message", c.message())
                    .put("co_authors", coAuthors).put("additions", additions).put("deletions", deletions)
                    .put("files_changed", c.files().size()).put("is_merge", c.isMerge()));
        }
        return client.preparedQuery("INSERT INTO analysis.commits (repository_id, seen_in_job, sha, parents, author_name, "
                + "author_email, authored_at, author_offset, committer_name, committer_email, committed_at, message, "
                + "co_authors, additions, deletions, files_changed, is_merge) SELECT $1, $3, x.* FROM jsonb_to_recordset($2) "
                + "AS x(sha text, parents text[], author_name text, author_email text, authored_at timestamptz, "
                + "author_offset integer, committer_name text, committer_email text, committed_at timestamptz, "
                + "message text, co_authors jsonb, additions integer, deletions integer, files_changed integer, "
                + "is_merge boolean) ON CONFLICT (repository_id, sha) DO UPDATE SET seen_in_job = EXCLUDED.seen_in_job "
                + "WHERE analysis.commits.seen_in_job IS DISTINCT FROM EXCLUDED.seen_in_job")
                .execute(Tuple.of(repositoryId, rows, jobId))
                .chain(() -> files.isEmpty() ? Uni.createFrom().voidItem()
                        : client.preparedQuery("INSERT INTO analysis.file_changes (repository_id, sha, path, old_path, "
                                + "additions, deletions, is_binary) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(sha text, "
                                + "path text, old_path text, additions integer, deletions integer, is_binary boolean) "
                                + "ON CONFLICT (repository_id, sha, path) DO NOTHING").execute(Tuple.of(repositoryId, files))
                                .replaceWithVoid());
    }

    /**
     * After a sync of the whole history: the commits it did not send are no longer in the branch's history
     * (a force-push rewrote it, or the default branch changed), and go with their file changes.
     */
    public Uni<Integer> forgetCommitsNotSeenBy(SqlClient client, UUID repositoryId, UUID jobId) {
        return client.preparedQuery("DELETE FROM analysis.commits WHERE repository_id = $1 "
                + "AND seen_in_job IS DISTINCT FROM $2").execute(Tuple.of(repositoryId, jobId))
                .map(rows -> rows.rowCount());
    }

    /** The files at the analyzed tip replace the previous tip's. */
    public Uni<Void> sourceFiles(SqlClient client, UUID repositoryId, List<SourceFile> files) {
        JsonArray rows = new JsonArray();
        files.forEach(f -> rows.add(new JsonObject().put("path", f.path()).put("language", f.language())
                .put("bytes", f.bytes()).put("code", f.code()).put("comments", f.comments()).put("blanks", f.blanks())));
        return client.preparedQuery("DELETE FROM analysis.source_files WHERE repository_id = $1")
                .execute(Tuple.of(repositoryId))
                .chain(() -> client.preparedQuery("INSERT INTO analysis.source_files (repository_id, path, language, "
                        + "bytes, code, comments, blanks) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(path text, "
                        + "language text, bytes bigint, code integer, comments integer, blanks integer)")
                        .execute(Tuple.of(repositoryId, rows)))
                .replaceWithVoid();
    }

    public Uni<Void> pullRequests(SqlClient client, UUID repositoryId, List<PullRequest> pulls) {
        if (pulls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        for (PullRequest p : pulls) {
            JsonArray commits = new JsonArray();
            p.commits().forEach(c -> commits.add(new JsonObject().put("sha", c.sha()).put("authored_at",
                    c.authoredAt() == null ? null : c.authoredAt().toString())));
            rows.add(new JsonObject().put("number", p.number()).put("title", p.title() == null ? "" : p.title())
                    .put("author", p.author())
                    .put("state", p.state()).put("draft", p.draft()).put("head_ref", p.headRef())
                    .put("head_sha", p.headSha()).put("base_ref", p.baseRef()).put("merge_commit_sha", p.mergeCommitSha())
                    .put("created_at", text(p.createdAt())).put("ready_at", text(p.readyForReviewAt()))
                    .put("merged_at", text(p.mergedAt())).put("closed_at", text(p.closedAt()))
                    .put("additions", p.additions()).put("deletions", p.deletions()).put("commits", commits));
        }
        return client.preparedQuery("INSERT INTO analysis.pull_requests (repository_id, number, title, author, state, "
                + "draft, head_ref, head_sha, base_ref, merge_commit_sha, created_at, ready_at, merged_at, closed_at, "
                + "additions, deletions, commits) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(number integer, "
                + "title text, author text, state text, draft boolean, head_ref text, head_sha text, base_ref text, "
                + "merge_commit_sha text, created_at timestamptz, ready_at timestamptz, merged_at timestamptz, "
                + "closed_at timestamptz, additions integer, deletions integer, commits jsonb) "
                + "ON CONFLICT (repository_id, number) DO UPDATE SET title = EXCLUDED.title, state = EXCLUDED.state, "
                + "draft = EXCLUDED.draft, head_ref = EXCLUDED.head_ref, head_sha = EXCLUDED.head_sha, "
                + "base_ref = EXCLUDED.base_ref, merge_commit_sha = EXCLUDED.merge_commit_sha, "
                + "ready_at = coalesce(EXCLUDED.ready_at, analysis.pull_requests.ready_at), merged_at = EXCLUDED.merged_at, "
                + "closed_at = EXCLUDED.closed_at, additions = EXCLUDED.additions, deletions = EXCLUDED.deletions, "
                + "commits = CASE WHEN jsonb_array_length(EXCLUDED.commits) > 0 THEN EXCLUDED.commits "
                + "ELSE analysis.pull_requests.commits END")
                .execute(Tuple.of(repositoryId, rows)).replaceWithVoid();
    }

    public Uni<Void> reviews(SqlClient client, UUID repositoryId, List<Review> reviews) {
        if (reviews.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        reviews.forEach(r -> rows.add(new JsonObject().put("kind", r.comment() ? "comment" : "review").put("id", r.id())
                .put("pull_request_number", r.pullRequestNumber()).put("reviewer", r.reviewer()).put("state", r.state())
                .put("submitted_at", text(r.submittedAt()))));
        return client.preparedQuery("INSERT INTO analysis.reviews (repository_id, kind, id, pull_request_number, "
                + "reviewer, state, submitted_at) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(kind text, id bigint, "
                + "pull_request_number integer, reviewer text, state text, submitted_at timestamptz) "
                + "ON CONFLICT (repository_id, kind, id) DO UPDATE SET state = EXCLUDED.state, "
                + "submitted_at = EXCLUDED.submitted_at").execute(Tuple.of(repositoryId, rows)).replaceWithVoid();
    }

    public Uni<Void> issues(SqlClient client, UUID repositoryId, List<Issue> issues) {
        if (issues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        issues.forEach(i -> rows.add(new JsonObject().put("number", i.number()).put("title", i.title() == null ? "" : i.title())
                .put("author", i.author()).put("state", i.state()).put("comments", i.comments())
                .put("created_at", text(i.createdAt())).put("closed_at", text(i.closedAt()))));
        return client.preparedQuery("INSERT INTO analysis.issues (repository_id, number, title, author, state, comments, "
                + "created_at, closed_at) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(number integer, title text, "
                + "author text, state text, comments integer, created_at timestamptz, closed_at timestamptz) "
                + "ON CONFLICT (repository_id, number) DO UPDATE SET title = EXCLUDED.title, state = EXCLUDED.state, "
                + "comments = EXCLUDED.comments, closed_at = EXCLUDED.closed_at")
                .execute(Tuple.of(repositoryId, rows)).replaceWithVoid();
    }

    public Uni<Void> deployments(SqlClient client, UUID repositoryId, List<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        for (Deployment d : deployments) {
            JsonArray statuses = new JsonArray();
            d.statuses().forEach(s -> statuses.add(new JsonObject().put("state", s.state())
                    .put("created_at", s.createdAt().toString())));
            rows.add(new JsonObject().put("id", d.id()).put("environment", d.environment() == null ? "" : d.environment())
                    .put("sha", d.sha())
                    .put("ref", d.ref()).put("created_at", text(d.createdAt()))
                    .put("status", d.outcome().map(Deployment.Status::state).orElse(null))
                    .put("finished_at", d.finishedAt().map(FactRepository::text).orElse(null)).put("statuses", statuses));
        }
        return client.preparedQuery("INSERT INTO analysis.deployments (repository_id, id, environment, sha, ref, "
                + "created_at, status, finished_at, statuses) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(id bigint, "
                + "environment text, sha text, ref text, created_at timestamptz, status text, finished_at timestamptz, "
                + "statuses jsonb) ON CONFLICT (repository_id, id) DO UPDATE SET "
                // a deployment event (no statuses) must not erase statuses its status events brought
                + "status = coalesce(EXCLUDED.status, analysis.deployments.status), "
                + "finished_at = coalesce(EXCLUDED.finished_at, analysis.deployments.finished_at), "
                + "statuses = CASE WHEN jsonb_array_length(EXCLUDED.statuses) > 0 THEN EXCLUDED.statuses "
                + "ELSE analysis.deployments.statuses END")
                .execute(Tuple.of(repositoryId, rows)).replaceWithVoid();
    }

    /**
     * Adds one status to a deployment (created from the status event if its own event has not come), and
     * recomputes its deciding status: the latest success, failure or error.
     */
    public Uni<Void> deploymentStatus(SqlClient client, UUID repositoryId, Deployment deployment, Deployment.Status status) {
        JsonArray added = new JsonArray().add(new JsonObject().put("state", status.state())
                .put("created_at", status.createdAt().toString()));
        return client.preparedQuery("INSERT INTO analysis.deployments (repository_id, id, environment, sha, ref, created_at, "
                + "statuses) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (repository_id, id) DO UPDATE SET statuses = "
                + "CASE WHEN analysis.deployments.statuses @> EXCLUDED.statuses THEN analysis.deployments.statuses "
                + "ELSE analysis.deployments.statuses || EXCLUDED.statuses END")
                .execute(Tuple.from(new Object[] { repositoryId, deployment.id(),
                        deployment.environment() == null ? "" : deployment.environment(), deployment.sha(), deployment.ref(),
                        deployment.createdAt().atOffset(ZoneOffset.UTC), added }))
                .chain(() -> client.preparedQuery("UPDATE analysis.deployments d SET (status, finished_at) = (SELECT "
                        + "s->>'state', (s->>'created_at')::timestamptz FROM jsonb_array_elements(d.statuses) s "
                        + "WHERE s->>'state' IN ('success', 'failure', 'error') ORDER BY (s->>'created_at')::timestamptz DESC "
                        + "LIMIT 1) WHERE d.repository_id = $1 AND d.id = $2").execute(Tuple.of(repositoryId, deployment.id())))
                .replaceWithVoid();
    }

    public Uni<Void> releases(SqlClient client, UUID repositoryId, List<Release> releases) {
        if (releases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        releases.forEach(r -> rows.add(new JsonObject().put("id", r.id()).put("tag_name", r.tagName()).put("name", r.name())
                .put("draft", r.draft()).put("prerelease", r.prerelease()).put("author", r.author())
                .put("created_at", text(r.createdAt())).put("published_at", text(r.publishedAt()))));
        return client.preparedQuery("INSERT INTO analysis.releases (repository_id, id, tag_name, name, draft, prerelease, "
                + "author, created_at, published_at) SELECT $1, x.* FROM jsonb_to_recordset($2) AS x(id bigint, "
                + "tag_name text, name text, draft boolean, prerelease boolean, author text, created_at timestamptz, "
                + "published_at timestamptz) ON CONFLICT (repository_id, id) DO UPDATE SET tag_name = EXCLUDED.tag_name, "
                + "name = EXCLUDED.name, draft = EXCLUDED.draft, prerelease = EXCLUDED.prerelease, "
                + "published_at = EXCLUDED.published_at").execute(Tuple.of(repositoryId, rows)).replaceWithVoid();
    }

    private static JsonObject identity(Identity identity) {
        return new JsonObject().put("name", identity.name()).put("email", identity.email());
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toString();
    }
}
