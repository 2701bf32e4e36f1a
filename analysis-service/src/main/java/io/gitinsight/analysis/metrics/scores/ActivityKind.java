package io.gitinsight.analysis.metrics.scores;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a user did: authored a commit, opened a pull request, reviewed one, opened an issue, commented. */
public enum ActivityKind {
    COMMIT,
    PR,
    REVIEW,
    ISSUE,
    COMMENT;

    /** The kind as the rules file and the API write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivityKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }

    /** {@code commit, pr, review, issue, comment}, for messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(ActivityKind::wireName).collect(Collectors.joining(", "));
    }
}
