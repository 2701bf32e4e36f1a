package io.gitinsight.ingestion.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A commit of the history: identities and dates as git stores them (with their offsets), the message,
 * the co-authors its {@code Co-authored-by:} trailers credit, and its files against the first parent
 * (none for a merge, as {@code git log --numstat} shows none).
 */
public record CommitRecord(String sha, List<String> parents, Identity author, OffsetDateTime authoredAt,
        Identity committer, OffsetDateTime committedAt, String message, List<Identity> coAuthors,
        List<FileChange> files) {

    public record Identity(String name, String email) {
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
