package io.gitinsight.analysis.metrics.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A commit of the history: identities and dates as git stores them (with their offsets), the message, the
 * co-authors of its {@code Co-authored-by:} trailers, and its files against the first parent (none for a
 * merge, as {@code git log --numstat} shows none).
 */
public record Commit(String sha, List<String> parents, Identity author, OffsetDateTime authoredAt, Identity committer,
        OffsetDateTime committedAt, String message, List<Identity> coAuthors, List<FileChange> files) {

    public Commit {
        parents = parents == null ? List.of() : List.copyOf(parents);
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
        files = files == null ? List.of() : List.copyOf(files);
        message = message == null ? "" : message;
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
