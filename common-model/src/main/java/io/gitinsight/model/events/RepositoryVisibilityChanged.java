package io.gitinsight.model.events;

import java.util.UUID;

/**
 * {@code repository.visibility.changed}: GitHub's metadata, synced again, says the repository turned private
 * ({@code isPrivate}) or public; readers that cache who may see it forget what they knew.
 */
public record RepositoryVisibilityChanged(UUID repositoryId, boolean isPrivate) {
}
