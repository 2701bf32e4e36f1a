package io.gitinsight.ingestion.git;

import java.nio.file.Path;

/** The git CLI helper for tests outside this package. */
public final class GitCliAccess {

    private GitCliAccess() {
    }

    public static String run(Path dir, String... args) throws Exception {
        return GitCli.run(dir, args);
    }
}
