package io.gitinsight.query.domain;

import java.util.UUID;

/**
 * A repository of {@code /fast/trending}: commits in the window ({@code current}), in the window of the
 * same length before it ({@code previous}), and {@code growth = (current − previous) / (previous + 1)}.
 */
public record TrendingEntry(UUID id, String fullName, String description, String language, int stars, long current,
        long previous, double growth) {
}
