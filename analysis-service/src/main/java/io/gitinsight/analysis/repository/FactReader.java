package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads a repository's stored facts back into the metrics engine's model: what a computation starts from. */
@ApplicationScoped
public class FactReader {

    /** Everything the engine needs about one repository. */
    public record Facts(List<Commit> commits, List<SourceFile> files, List<PullRequest> pullRequests,
            List<Review> reviews, List<Issue> issues, List<Deployment> deployments, List<Release> releases,
            Map<String, Long> languageBytes) {
    }

    public Uni<Facts> read(SqlClient client, UUID repositoryId) {
        Tuple id = Tuple.of(repositoryId);
        return commits(client, id).chain(commits -> client.preparedQuery("SELECT path, language, bytes, code, comments, "
                + "blanks FROM analysis.source_files WHERE repository_id = $1").execute(id)
                .map(rows -> Sql.list(rows, FactReader::sourceFile))
                .chain(files -> pullRequests(client, id).chain(pulls -> client.preparedQuery("SELECT kind, id, "
                        + "pull_request_number, reviewer, state, submitted_at FROM analysis.reviews WHERE repository_id = $1")
                        .execute(id).map(rows -> Sql.list(rows, FactReader::review))
                        .chain(reviews -> client.preparedQuery("SELECT number, title, author, state, comments, created_at, "
                                + "closed_at FROM analysis.issues WHERE repository_id = $1").execute(id)
                                .map(rows -> Sql.list(rows, FactReader::issue))
                                .chain(issues -> client.preparedQuery("SELECT id, environment, sha, ref, created_at, "
                                        + "statuses FROM analysis.deployments WHERE repository_id = $1").execute(id)
                                        .map(rows -> Sql.list(rows, FactReader::deployment))
                                        .chain(deployments -> client.preparedQuery("SELECT id, tag_name, name, draft, "
                                                + "prerelease, created_at, published_at, author FROM analysis.releases "
                                                + "WHERE repository_id = $1").execute(id)
                                                .map(rows -> Sql.list(rows, FactReader::release))
                                                .chain(releases -> languages(client, id).map(languages -> new Facts(
                                                        commits, files, pulls, reviews, issues, deployments, releases,
                                                        languages)))))))));
    }

    private Uni<List<Commit>> commits(SqlClient client, Tuple id) {
        return client.preparedQuery("SELECT sha, path, old_path, additions, deletions, is_binary FROM analysis.file_changes "
                + "WHERE repository_id = $1").execute(id).map(rows -> {
                    Map<String, List<FileChange>> files = new HashMap<>();
                    rows.forEach(row -> files.computeIfAbsent(row.getString("sha"), k -> new ArrayList<>())
                            .add(new FileChange(row.getString("path"), row.getString("old_path"),
                                    row.getInteger("additions"), row.getInteger("deletions"), row.getBoolean("is_binary"))));
                    return files;
                }).chain(files -> client.preparedQuery("SELECT sha, parents, author_name, author_email, authored_at, "
                        + "author_offset, committer_name, committer_email, committed_at, message, co_authors "
                        + "FROM analysis.commits WHERE repository_id = $1 ORDER BY committed_at, sha").execute(id)
                        .map(rows -> Sql.list(rows, row -> commit(row, files))));
    }

    private static Commit commit(Row row, Map<String, List<FileChange>> files) {
        List<Identity> coAuthors = new ArrayList<>();
        JsonArray stored = (JsonArray) row.getValue("co_authors");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject a = stored.getJsonObject(i);
            coAuthors.add(new Identity(a.getString("name"), a.getString("email")));
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(row.getInteger("author_offset") * 60);
        String sha = row.getString("sha");
        return new Commit(sha, List.of(row.getArrayOfStrings("parents")),
                new Identity(row.getString("author_name"), row.getString("author_email")),
                row.getOffsetDateTime("authored_at").toInstant().atOffset(offset),
                new Identity(row.getString("committer_name"), row.getString("committer_email")),
                row.getOffsetDateTime("committed_at"), row.getString("message"), coAuthors,
                files.getOrDefault(sha, List.of()));
    }

    private Uni<List<PullRequest>> pullRequests(SqlClient client, Tuple id) {
        return client.preparedQuery("SELECT number, title, author, state, draft, created_at, ready_at, merged_at, "
                + "closed_at, head_ref, head_sha, base_ref, merge_commit_sha, commits, additions, deletions "
                + "FROM analysis.pull_requests WHERE repository_id = $1").execute(id).map(rows -> Sql.list(rows, row -> {
                    List<PullRequest.PullRequestCommit> commits = new ArrayList<>();
                    JsonArray stored = (JsonArray) row.getValue("commits");
                    for (int i = 0; i < stored.size(); i++) {
                        JsonObject c = stored.getJsonObject(i);
                        String at = c.getString("authored_at");
                        commits.add(
                                new PullRequest.PullRequestCommit(c.getString("sha"), at == null ? null : Instant.parse(at)));
                    }
                    return new PullRequest(row.getInteger("number"), row.getString("title"), row.getString("author"),
                            row.getString("state"), row.getBoolean("draft"), Sql.instant(row, "created_at"),
                            Sql.instant(row, "ready_at"), Sql.instant(row, "merged_at"), Sql.instant(row, "closed_at"),
                            row.getString("head_ref"), row.getString("head_sha"), row.getString("base_ref"),
                            row.getString("merge_commit_sha"), commits, intOrZero(row, "additions"),
                            intOrZero(row, "deletions"));
                }));
    }

    private Uni<Map<String, Long>> languages(SqlClient client, Tuple id) {
        return client.preparedQuery("SELECT languages FROM analysis.repositories WHERE id = $1").execute(id).map(rows -> {
            Map<String, Long> bytes = new HashMap<>();
            if (rows.size() == 1) {
                JsonObject stored = (JsonObject) rows.iterator().next().getValue("languages");
                stored.forEach(e -> bytes.put(e.getKey(), ((Number) e.getValue()).longValue()));
            }
            return bytes;
        });
    }

    private static SourceFile sourceFile(Row row) {
        return new SourceFile(row.getString("path"), row.getString("language"), row.getLong("bytes"),
                row.getInteger("code"), row.getInteger("comments"), row.getInteger("blanks"));
    }

    private static Review review(Row row) {
        return new Review(row.getLong("id"), row.getInteger("pull_request_number"), row.getString("reviewer"),
                row.getString("state"), Sql.instant(row, "submitted_at"), row.getString("kind").equals("comment"));
    }

    private static Issue issue(Row row) {
        return new Issue(row.getInteger("number"), row.getString("title"), row.getString("author"),
                row.getString("state"), Sql.instant(row, "created_at"), Sql.instant(row, "closed_at"),
                row.getInteger("comments"));
    }

    private static Deployment deployment(Row row) {
        List<Deployment.Status> statuses = new ArrayList<>();
        JsonArray stored = (JsonArray) row.getValue("statuses");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject s = stored.getJsonObject(i);
            statuses.add(new Deployment.Status(s.getString("state"), Instant.parse(s.getString("created_at"))));
        }
        return new Deployment(row.getLong("id"), row.getString("environment"), row.getString("sha"),
                row.getString("ref"), Sql.instant(row, "created_at"), statuses);
    }

    private static Release release(Row row) {
        return new Release(row.getLong("id"), row.getString("tag_name"), row.getString("name"), row.getBoolean("draft"),
                row.getBoolean("prerelease"), Sql.instant(row, "created_at"), Sql.instant(row, "published_at"),
                row.getString("author"));
    }

    private static int intOrZero(Row row, String column) {
        Integer value = row.getInteger(column);
        return value == null ? 0 : value;
    }
}
