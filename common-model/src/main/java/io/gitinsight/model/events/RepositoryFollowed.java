package io.gitinsight.model.events;

import java.util.UUID;

/** {@code user.repository.followed}: a user started ({@code following}) or stopped following a repository. */
public record RepositoryFollowed(UUID userId, UUID repositoryId, boolean following) {
}
