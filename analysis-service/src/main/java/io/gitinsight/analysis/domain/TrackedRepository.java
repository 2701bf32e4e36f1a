package io.gitinsight.analysis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A repository GitInsight tracks, as the analysis schema stores it. A private one ({@code isPrivate}, as GitHub
 * says) is seen only by admins and by the users who follow it.
 */
public record TrackedRepository(UUID id, Long githubId, String name, String fullName, String owner, String description,
        String url, String cloneUrl, String language, int stars, int forks, int watchers, long sizeKb,
        String defaultBranch, Instant createdAt, Instant updatedAt, Instant lastAnalyzed, String analysisStatus,
        int analysisIntervalHours, boolean webhookEnabled, String analyzedHeadSha, java.util.UUID addedBy, boolean isPrivate) {

    /** Whether GitHub knows it (a plain git remote has no full name at GitHub). */
    public boolean onGitHub() {
        return githubId != null;
    }
}
