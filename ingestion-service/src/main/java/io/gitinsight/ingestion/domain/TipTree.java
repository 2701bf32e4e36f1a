package io.gitinsight.ingestion.domain;

import java.util.List;

/**
 * The files at a branch tip with their line counts, what LOC and the truck factor are computed from.
 * {@code sha} is the blob id: identical files share it (cloc counts a duplicated file once).
 * {@code counted} is false for a binary file and for one too large to count; their lines are 0.
 */
public record TipTree(String branch, String headSha, List<File> files) {

    public record File(String path, String sha, String language, long bytes, long code, long comments, long blanks,
            boolean counted) {
    }
}
