package io.gitinsight.analysis.metrics.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finding about a repository (CONTRACT §2 {@code Insight}, without the ids the service adds): the description
 * carries the numbers behind it, {@code data} the same numbers for machines (snake_case keys, with
 * {@code confidence_basis} saying how {@code confidence} was reached).
 */
public record Insight(String type, String title, String description, double confidence, Map<String, Object> data,
        List<String> tags, String modelVersion, Instant generatedAt) {

    public Insight {
        data = Map.copyOf(data);
        tags = List.copyOf(tags);
    }
}
