package io.gitinsight.analysis.metrics.pulls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;

/**
 * Revert commits (CONTRACT §4): the message begins {@code Revert "} (what {@code git revert} and GitHub's revert
 * button write as the subject) or contains {@code This reverts commit <sha>} with a full or abbreviated (at least 7
 * hex digits) sha.
 */
public final class Reverts {

    private static final Pattern REVERTS_COMMIT = Pattern.compile("This reverts commit ([0-9a-fA-F]{7,40})\\b");

    private Reverts() {
    }

    public static boolean isRevert(Commit commit) {
        return isRevert(commit.message());
    }

    public static boolean isRevert(String message) {
        return message.stripLeading().startsWith("Revert \"") || REVERTS_COMMIT.matcher(message).find();
    }

    /** The sha named by {@code This reverts commit <sha>}, as written (possibly abbreviated). */
    public static Optional<String> revertedSha(String message) {
        Matcher m = REVERTS_COMMIT.matcher(message);
        return m.find() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }
}
