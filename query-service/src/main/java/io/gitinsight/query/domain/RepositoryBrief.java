package io.gitinsight.query.domain;

import java.util.UUID;

/** The few fields a ranked list shows of each repository. */
public record RepositoryBrief(UUID id, String fullName, String description, String language, int stars, boolean isPrivate) {
}
