package io.gitinsight.model.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The routing keys of the {@code gitinsight.events} topic exchange (CONTRACT §3), each with the payload
 * type its envelope carries.
 */
public enum EventType {
    REPOSITORY_ANALYSIS_REQUESTED("repository.analysis.requested", AnalysisRequested.class),
    GITHUB_DATA_INGESTED("github.data.ingested", DataIngested.class),
    GITHUB_EVENT_RECEIVED("github.event.received", GitHubEventReceived.class),
    REPOSITORY_ANALYSIS_PROGRESS("repository.analysis.progress", AnalysisProgress.class),
    REPOSITORY_ANALYSIS_COMPLETED("repository.analysis.completed", AnalysisCompleted.class),
    REPOSITORY_INSIGHTS_GENERATED("repository.insights.generated", InsightsGenerated.class),
    USER_REPOSITORY_FOLLOWED("user.repository.followed", RepositoryFollowed.class),
    REPOSITORY_VISIBILITY_CHANGED("repository.visibility.changed", RepositoryVisibilityChanged.class),
    SYSTEM_HEALTH_CHECK("system.health.check", HealthCheckReported.class);

    public static final String EXCHANGE = "gitinsight.events";
    public static final String DEAD_LETTER_QUEUE = "gitinsight.dlq";

    private final String routingKey;
    private final Class<?> payloadType;

    EventType(String routingKey, Class<?> payloadType) {
        this.routingKey = routingKey;
        this.payloadType = payloadType;
    }

    public String routingKey() {
        return routingKey;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromRoutingKey(String key) {
        return Arrays.stream(values()).filter(t -> t.routingKey.equals(key)).findFirst();
    }
}
