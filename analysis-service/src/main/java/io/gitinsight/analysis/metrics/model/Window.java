package io.gitinsight.analysis.metrics.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The period a windowed metric covers: {@code [start, end)}; {@code all} has no start. {@code 30d},
 * {@code 90d} and {@code 180d} end at {@code until}.
 */
public record Window(String name, Instant start, Instant end) {

    public static Window of(String name, Instant until) {
        return switch (name) {
            case "all" -> new Window(name, null, until);
            case "30d", "90d", "180d" -> new Window(name,
                    until.minus(Duration.ofDays(Long.parseLong(name.substring(0, name.length() - 1)))), until);
            default -> throw new IllegalArgumentException("unknown window '" + name + "': 30d, 90d, 180d or all");
        };
    }

    public boolean contains(Instant t) {
        return t != null && (start == null || !t.isBefore(start)) && t.isBefore(end);
    }

    /** The window of the same length just before this one (none for {@code all}). */
    public Window previous() {
        if (start == null) {
            throw new IllegalStateException("'all' has no previous window");
        }
        return new Window(name, start.minus(Duration.between(start, end)), start);
    }
}
