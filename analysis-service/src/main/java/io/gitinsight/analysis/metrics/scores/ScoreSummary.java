package io.gitinsight.analysis.metrics.scores;

import java.time.Instant;
import java.util.Map;

/**
 * The summary next to the scores (CONTRACT §2 {@code summary}): the total and the dimension that contributed most
 * (null when nothing scored; a tie goes to the dimension listed first in the rules), then what the user would look
 * at next: events by kind (every kind, zeros included), how many distinct UTC days and repositories they were
 * active in, and their first and last activity in the window (null without events).
 */
public record ScoreSummary(double total, String topDimension, int events, Map<String, Integer> eventsByKind,
        int activeDays, int repositories, Instant firstActivity, Instant lastActivity) {

    public ScoreSummary {
        eventsByKind = Map.copyOf(eventsByKind);
    }
}
