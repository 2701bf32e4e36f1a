package io.gitinsight.auth.domain;

import java.time.Instant;
import java.util.UUID;

import io.gitinsight.model.security.Role;

/** A GitInsight user: a GitHub account with a role. */
public record User(UUID id, long githubId, String username, String name, String email, String avatarUrl, String bio,
        String location, String company, Role role, Instant githubCreatedAt, Instant createdAt, Instant lastLogin) {
}
