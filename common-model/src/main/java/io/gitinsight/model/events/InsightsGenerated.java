package io.gitinsight.model.events;

import java.util.List;
import java.util.UUID;

/** {@code repository.insights.generated}: the insights a run produced. */
public record InsightsGenerated(UUID jobId, List<UUID> insightIds, List<String> types) {
}
