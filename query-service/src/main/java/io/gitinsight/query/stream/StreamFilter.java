package io.gitinsight.query.stream;

import java.util.Locale;
import java.util.UUID;

/**
 * The global activity filters: {@code event_type} (GitHub's event name) and {@code repository}, given as
 * our repository id or as owner/name; null matches everything.
 */
public record StreamFilter(String eventType, UUID repositoryId, String repositoryFullName) {

    public static final StreamFilter NONE = new StreamFilter(null, null, null);

    public static StreamFilter of(String eventType, String repository) {
        if (repository == null) {
            return new StreamFilter(eventType, null, null);
        }
        try {
            return new StreamFilter(eventType, UUID.fromString(repository), null);
        } catch (IllegalArgumentException notAnId) {
            return new StreamFilter(eventType, null, repository.toLowerCase(Locale.ROOT));
        }
    }

    public boolean matches(StreamMessage message) {
        if (eventType != null && !eventType.equalsIgnoreCase(message.githubEvent())) {
            return false;
        }
        if (repositoryId != null) {
            return repositoryId.equals(message.repositoryId());
        }
        return repositoryFullName == null || (message.repositoryFullName() != null
                && message.repositoryFullName().toLowerCase(Locale.ROOT).equals(repositoryFullName));
    }
}
