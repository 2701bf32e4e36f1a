package io.gitinsight.auth.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as stored: never the key itself, only its hash and its recognizable prefix. */
public record ApiKey(UUID id, UUID userId, String name, String prefix, List<String> scopes, int rateLimitPerHour,
        Instant expiresAt, Instant lastUsedAt, Instant createdAt, Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
