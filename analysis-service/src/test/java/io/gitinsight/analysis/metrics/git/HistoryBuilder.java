package io.gitinsight.analysis.metrics.git;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;

/**
 * Hand-built histories for the metric tests. Commits get shas {@code c1}, {@code c2}, … in the order they are
 * built; each one's parent is the commit built before it unless {@link CommitSpec#on} says otherwise.
 */
public final class HistoryBuilder {

    private final List<Commit> commits = new ArrayList<>();

    public static Identity who(String name, String email) {
        return new Identity(name, email);
    }

    /** A commit by {@code author} at {@code authoredAt} (ISO-8601 with offset, as git stores it). */
    public CommitSpec commit(Identity author, String authoredAt) {
        return new CommitSpec(author, authoredAt);
    }

    /** A merge commit: no files, as {@code git log --numstat} shows none. */
    public String merge(Identity author, String authoredAt, String... parents) {
        return commit(author, authoredAt).on(parents).done();
    }

    public List<Commit> build() {
        return List.copyOf(commits);
    }

    public final class CommitSpec {
        private final Identity author;
        private final String authoredAt;
        private String committedAt;
        private List<String> parents;
        private String message = "a change";
        private final List<Identity> coAuthors = new ArrayList<>();
        private final List<FileChange> files = new ArrayList<>();

        private CommitSpec(Identity author, String authoredAt) {
            this.author = author;
            this.authoredAt = authoredAt;
            this.committedAt = authoredAt;
            this.parents = commits.isEmpty() ? List.of() : List.of(commits.get(commits.size() - 1).sha());
        }

        public CommitSpec on(String... parentShas) {
            this.parents = List.of(parentShas);
            return this;
        }

        public CommitSpec committedAt(String at) {
            this.committedAt = at;
            return this;
        }

        public CommitSpec message(String text) {
            this.message = text;
            return this;
        }

        public CommitSpec coAuthor(Identity coAuthor) {
            coAuthors.add(coAuthor);
            return this;
        }

        public CommitSpec change(String path, int additions, int deletions) {
            files.add(new FileChange(path, null, additions, deletions, false));
            return this;
        }

        public CommitSpec rename(String oldPath, String path, int additions, int deletions) {
            files.add(new FileChange(path, oldPath, additions, deletions, false));
            return this;
        }

        public CommitSpec binary(String path) {
            files.add(new FileChange(path, null, 0, 0, true));
            return this;
        }

        /** Appends the commit; answers its sha. */
        public String done() {
            String sha = "c" + (commits.size() + 1);
            commits.add(new Commit(sha, parents, author, OffsetDateTime.parse(authoredAt), author,
                    OffsetDateTime.parse(committedAt), message, coAuthors, files));
            return sha;
        }
    }
}
